import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// Every list on the supervisor's tabs that its box cuts says how many rows lie beyond it (a cold try at
/// 80×24 saw 4 of the day's 8 topics and 17 of 37 sheets with nothing saying so).
@Suite("Supervisor lists say what lies beyond")
struct SupervisorListsBeyondTests {
  /// Eight more topics closed today, one visit each, on top of the fixture's.
  static let topics = [
    "entry.visa-information", "entry.extension-of-stay", "entry.entry-requirements", "entry.border-problems",
    "entry.transit", "residence.first-permit", "residence.family-reunification", "residence.nationality",
  ]

  /// Eight more, for a month whose topics outrun the taller box the month tab gives them.
  static let moreTopics = [
    "residence.certificates", "integration.work", "integration.job-search", "integration.school",
    "integration.recognition-of-qualifications", "integration.portuguese-classes",
    "integration.vocational-training", "integration.social-security",
  ]

  /// The model at 80×24 on supervisor tab `tabs` presses of Tab away from the day, after a visit today for
  /// each of `topics`.
  static func supervisor(tabs: Int, language: Language = .portuguese, topics: [String] = topics) -> AppModel {
    var model = Fixture.model(language: language)
    var counter: UInt16 = 100
    for (index, topic) in topics.enumerated() {
      let id = "T-\(20 + index)"
      counter += 1
      model.state.apply(
        EventBatch(
          staff: "Ana", office: "praia",
          events: [
            .visitArrived(visitID: id, visitorID: "V-4", day: Fixture.today, number: 20 + index),
            .visitCalled(visitID: id, desk: "1"),
            .visitClosed(visitID: id, topics: [topic], outcome: nil, note: nil),
          ]), time: Fixture.at(minutesAgo: 10, counter: counter))
    }
    Fixture.press(&model, [.character("s")] + Array(repeating: .tab, count: tabs))
    return model
  }

  /// The topics of `keys` whose label (its first ten characters) is on the screen.
  static func shown(_ keys: [String], in lines: [String], model: AppModel) -> Int {
    keys.count { key in lines.contains { $0.contains(String(model.tr.topic(key).prefix(10))) } }
  }

  @Test(
    "the day's topics say how many the box leaves out, as the core counts them", arguments: Language.allCases)
  func dayTopics(language: Language) {
    let model = Self.supervisor(tabs: 0, language: language)
    let report = DayReport(state: model.state, day: Fixture.today)
    #expect(report.topics.count == 10)
    let lines = model.view().grid.lines
    let text = lines.joined(separator: "\n")
    let shown = Self.shown(report.topics.map(\.key), in: lines, model: model)
    #expect(shown < report.topics.count, "\(text)")
    #expect(text.contains(model.tr("dashboard.more", String(report.topics.count - shown))), "\(text)")
  }

  @Test("the month's topics say how many the box leaves out, as the core counts them")
  func monthTopics() {
    let model = Self.supervisor(tabs: 3, topics: Self.topics + Self.moreTopics)
    let report = MonthReport(state: model.state, month: String(Fixture.today.prefix(7)), office: "praia")
    let lines = model.view().grid.lines
    let text = lines.joined(separator: "\n")
    let shown = Self.shown(report.byTopic.map(\.key), in: lines, model: model)
    #expect(shown < report.byTopic.count, "\(text)")
    let month = LocalTime.shownMonth(String(Fixture.today.prefix(7)), language: .portuguese)
    let more = model.tr("month.more", String(report.byTopic.count - shown), month)
    #expect(
      MessagePanelTests.words(Self.rightBox(lines).joined(separator: " "))
        .contains(MessagePanelTests.words(more)), "\(text)")
  }

  @Test("the sheets list says how many sheets lie below, then above as the selection moves down")
  func sheets() {
    var model = Self.supervisor(tabs: 5)
    let count = model.directory.sheets.count
    let legend = model.tr("sheets.legend")
    func rows() -> Int {
      model.view().grid.lines.filter { ($0.hasPrefix("│! ") || $0.hasPrefix("│✓ ")) && !$0.contains(legend) }
        .count
    }
    var text = model.view().grid.lines.joined(separator: "\n")
    #expect(rows() < count)
    #expect(text.contains(model.tr("list.more", String(count - rows()))), "\(text)")
    #expect(text.contains(legend), "\(text)")
    Fixture.press(&model, Array(repeating: .down, count: count - 1))
    text = model.view().grid.lines.joined(separator: "\n")
    #expect(text.contains(model.tr("list.above", String(count - rows()))), "\(text)")
    // The last sheet is on screen, highlighted.
    let last = String(model.tr.topic(model.directory.sheets[count - 1].topic).prefix(10))
    #expect(text.contains(last), "\(text)")
  }

  @Test("the referrals table says how many referrals lie below its rows")
  func referrals() {
    var model = Fixture.model()
    let events: [Event] = (10..<40).map { number in
      .referralCreated(
        referralID: "R-\(number)", visitorID: "V-1", partner: "def", topic: "residence.renewal",
        due: "2026-03-20", note: nil, visitID: nil)
    }
    model.state.apply(
      EventBatch(staff: "Ana", office: "praia", events: events), time: Fixture.at(minutesAgo: 5, counter: 90))
    Fixture.press(&model, [.character("s"), .tab])
    let count = ReferralsBoard.rows(model).count
    let rows = SupervisorScreen.listRows(.referrals, in: model.bodyArea, count: count)
    let text = model.view().grid.lines.joined(separator: "\n")
    #expect(rows < count)
    #expect(text.contains(model.tr("list.more", String(count - rows))), "\(text)")
  }

  /// The rows of the box on the right of two side by side (between its "│"), empty for the other rows.
  static func rightBox(_ lines: [String]) -> [String] {
    lines.map { line -> String in
      let parts = line.split(separator: "│", omittingEmptySubsequences: false)
      return parts.count == 5 ? String(parts[3]) : ""
    }
  }

  @Test(
    "at 80×24 the month's topics say whole how many the box leaves out, in every language",
    arguments: Language.allCases)
  func monthTopicsWhole(language: Language) {
    let model = Self.supervisor(tabs: 3, language: language, topics: Self.topics + Self.moreTopics)
    let report = MonthReport(state: model.state, month: String(Fixture.today.prefix(7)), office: "praia")
    let lines = model.view().grid.lines
    let text = lines.joined(separator: "\n")
    let box = Self.rightBox(lines)
    let shown = Self.shown(report.byTopic.map(\.key), in: box, model: model)
    #expect(shown < report.byTopic.count, "\(text)")
    let month = LocalTime.shownMonth(String(Fixture.today.prefix(7)), language: language)
    let more = MessagePanelTests.words(model.tr("month.more", String(report.byTopic.count - shown), month))
    #expect(MessagePanelTests.words(box.joined(separator: " ")).contains(more), "\(text)")
    // The command it names is one that runs: with the month, as the screen writes it.
    #expect(more.hasSuffix("gaidesk report month " + month), "\(more)")
  }

  @Test(
    "the follow-ups table says how many follow-ups lie below its rows, then above",
    arguments: Language.allCases)
  func followUps(language: Language) {
    var model = Fixture.model(language: language)
    let events: [Event] = (10..<40).map { number in
      .followUpAdded(followUpID: "F-\(number)", visitorID: "V-2", on: "2026-03-12", note: "Chamada \(number)")
    }
    model.state.apply(
      EventBatch(staff: "Ana", office: "praia", events: events), time: Fixture.at(minutesAgo: 5, counter: 90))
    Fixture.press(&model, [.character("s"), .tab, .tab])
    let count = FollowUpsBoard.rows(model).count
    // The core's agenda holds them all, with the fixture's one follow-up due.
    #expect(count == events.count + 1)
    func rows() -> Int {
      model.view().grid.lines.count { $0.contains("Chamada ") || $0.contains("Ligar sobre") }
    }
    var text = model.view().grid.lines.joined(separator: "\n")
    #expect(rows() < count, "\(text)")
    #expect(text.contains(model.tr("list.more", String(count - rows()))), "\(text)")
    Fixture.press(&model, Array(repeating: .down, count: count - 1))
    text = model.view().grid.lines.joined(separator: "\n")
    #expect(text.contains(model.tr("list.above", String(count - rows()))), "\(text)")
    #expect(text.contains("Chamada 39"), "\(text)")
  }
}
