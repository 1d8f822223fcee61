import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// The supervisor's tabs and the queue show the core's figures: one rule for each, whatever the screen.
@Suite("Supervisor figures are the core's")
struct SupervisorFiguresTests {
  /// The model on supervisor tab `tabs` presses of Tab away from the day, after `events` were recorded now.
  static func supervisor(tabs: Int, events: [Event], at time: WallTime = Fixture.at(minutesAgo: 0))
    -> AppModel
  {
    var model = Fixture.model(width: 120, height: 40)
    model.state.apply(EventBatch(staff: "Ana", office: "praia", events: events), time: time)
    Fixture.press(&model, [.character("s")] + Array(repeating: .tab, count: tabs))
    return model
  }

  @Test("the day tab names the per-staff figures in the day report's words", arguments: Language.allCases)
  func perStaffWords(language: Language) {
    var model = Fixture.model(width: 120, height: 40, language: language)
    Fixture.press(&model, [.character("s")])
    let report = Strings.shared.text("day.byStaff", language: language)
    let words = report.trimmingCharacters(in: CharacterSet(charactersIn: ": \u{00A0}"))
    #expect(model.tr("dashboard.perStaff") == words)
    #expect(model.view().grid.lines.joined(separator: "\n").contains(words))
  }

  @Test(
    "arrivals after 16 o'clock are on the day's chart of arrivals by hour at 80 columns, as the day report counts them"
  )
  func lateArrivalsCharted() {
    // After the morning's arrivals (9 to 11 o'clock), two people arrive at 19:10; the supervisor looks at 22:30.
    var model = Fixture.model()
    model.state.apply(
      EventBatch(
        staff: "Ana", office: "praia",
        events: [
          .visitArrived(visitID: "T-8", visitorID: "V-1", day: Fixture.today, number: 8),
          .visitArrived(visitID: "T-9", visitorID: "V-3", day: Fixture.today, number: 9),
        ]), time: Fixture.at(minutesAgo: -460))
    _ = model.update(.tick(Fixture.now.addingTimeInterval(11 * 3600)))
    Fixture.press(&model, [.character("s")])
    #expect(DayReport(state: model.state, day: Fixture.today).arrivalsByHour[19] == 2)
    let lines = model.view().grid.lines
    let labels = lines.last { $0.contains(" 10 ") && $0.contains(" 11 ") }
    #expect(labels?.contains(" 9 ") == true, "\(lines.joined(separator: "\n"))")
    #expect(labels?.contains(" 19 ") == true, "\(lines.joined(separator: "\n"))")
    let quiet = Array(repeating: 0, count: 24)
    #expect(DayTab.hours(quiet, width: 36) == (8..<17, 3))
    #expect(DayTab.hours(quiet, width: 160) == (0..<24, 3))
  }

  @Test("the follow-ups tab counts those due as the day report and `followup list --due` do")
  func followUpsDueIsOneRule() {
    // F-1 is due yesterday; F-2 is due in three days: on the tab's list, not yet due.
    let model = Self.supervisor(
      tabs: 2,
      events: [.followUpAdded(followUpID: "F-2", visitorID: "V-1", on: "2026-03-13", note: "Confirmar")])
    let report = DayReport(state: model.state, day: Fixture.today)
    let due = FollowUpsDue(state: model.state, day: Fixture.today)
    #expect(report.followUpsDue == due.due.map(\.id))
    #expect(due.coming.map(\.id) == ["F-2"])
    let title = model.tr("followUps.title", String(report.followUpsDue.count), String(due.coming.count))
    let text = model.view().grid.lines.joined(separator: "\n")
    #expect(text.contains(title), "\(text)")
    #expect(text.contains("Confirmar"), "\(text)")
  }

  @Test("the referrals tab counts overdue referrals as the day report does")
  func overdueReferralsIsOneRule() {
    // A desk whose clock runs a day ahead made R-3, due last week: as today ends it was not yet made.
    let tomorrow = Fixture.at(minutesAgo: -60 * 24)
    let model = Self.supervisor(
      tabs: 1,
      events: [
        .referralCreated(
          referralID: "R-3", visitorID: "V-1", partner: "def", topic: "residence.renewal", due: "2026-03-02",
          note: nil, visitID: nil)
      ], at: tomorrow)
    let report = DayReport(state: model.state, day: Fixture.today)
    #expect(report.overdueReferrals == ["R-1"])
    let open = model.state.allReferrals.filter { !$0.status.isClosed }.count
    let title = model.tr(
      "referrals.title", String(open), String(report.overdueReferrals.count),
      String(model.state.allReferrals.count))
    let text = model.view().grid.lines.joined(separator: "\n")
    #expect(text.contains(title), "\(text)")
  }

  @Test("the referrals tab's title counts the rows it lists, closed ones too, besides the open and overdue")
  func referralsTitleCountsItsRows() throws {
    let model = Self.supervisor(
      tabs: 1,
      events: [
        .referralCreated(
          referralID: "R-7", visitorID: "V-1", partner: "def", topic: "residence.renewal", due: nil,
          note: nil, visitID: nil),
        .referralChanged(referralID: "R-7", status: .cancelled, reason: nil, note: nil),
      ])
    let rows = ReferralsBoard.rows(model)
    let open = rows.count { !$0.status.isClosed }
    #expect(rows.count > open)
    let title = try #require(model.view().grid.lines.first { $0.contains("┌") && $0.contains(String(open)) })
    #expect(title.contains(String(rows.count)), "\(title)")
  }

  @Test("the queue shows each wait as the core measures and writes it")
  func queueWaitIsTheCoresDuration() {
    let model = Fixture.model(width: 120, height: 40)
    let now = WallTime(model.now)
    let lines = model.view().grid.lines
    for visit in model.todaysVisits {
      let wait = DurationStats.text(visit.waitSeconds(now: now))
      let row = lines.first { $0.contains(visit.ticket + " ") } ?? ""
      #expect(row.contains(wait), "\(visit.ticket): \(row)")
    }
  }
}
