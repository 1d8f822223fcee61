import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// A partner that serves several of the visit's topics is offered once per topic, its row says which, and
/// the referral is recorded under the topic of the row ticked (not the first topic ticked).
@Suite("Referral topic")
struct ReferralTopicTests {
  /// Serving A-002 with "Violência baseada no género" then "Saúde" ticked, the partner list focused.
  static func twoTopics(width: Int = 120, height: Int = 40) -> AppModel {
    var model = Fixture.model(width: width, height: height)
    model.openServe(model.state.visits["T-2"]!)
    for filter in ["violencia", "saude"] {
      Fixture.press(&model, [.control("u")])
      Fixture.type(&model, filter)
      Fixture.press(&model, [.enter])
    }
    Fixture.press(&model, [.tab])
    return model
  }

  /// The partner rows shown for the health centres (short name CS), up to the form's border (the sheet beside
  /// it cut off).
  static func healthCentreRows(_ model: AppModel) -> [String] {
    model.view().grid.lines.compactMap { line in
      line.range(of: "] CS ").map { String(line[$0.lowerBound...].prefix { $0 != "│" }) }
    }
  }

  @Test("each topic the partner serves has its own row, naming the topic")
  func rowPerTopic() throws {
    var model = Self.twoTopics()
    let serve = try #require(model.current(ServeScreen.self))
    #expect(serve.chosen == ["integration.gender-violence", "integration.health"])
    let rows = serve.suggestions(model)
    let healthCentre = rows.indices.filter { rows[$0].partner.code == "centro-saude" }
    #expect(
      healthCentre.map { rows[$0].topic }.sorted() == ["integration.gender-violence", "integration.health"])
    // Each of its rows, scrolled to, names its topic.
    var at = 0
    for index in healthCentre {
      Fixture.press(&model, Array(repeating: .down, count: index - at))
      at = index
      let label = model.tr.topic(rows[index].topic)
      #expect(
        Self.healthCentreRows(model).contains { $0.contains("CS · " + label) },
        "\(model.view().grid.lines.joined(separator: "\n"))")
    }
  }

  @Test("the referral is recorded under the topic of the row ticked")
  func recordedUnderRowTopic() throws {
    var model = Self.twoTopics()
    let serve = try #require(model.current(ServeScreen.self))
    let rows = serve.suggestions(model)
    let index = try #require(
      rows.firstIndex { $0.partner.code == "centro-saude" && $0.topic == "integration.health" })
    Fixture.press(&model, Array(repeating: .down, count: index) + [.enter])
    Fixture.press(&model, [.function(10)])
    guard case .consent = model.overlay else { Issue.record("consent not asked"); return }
    Fixture.press(&model, [.character("s")])
    let after = model.update(
      .done(.recordConsent(visitorID: "V-2"), model.state, visitID: nil, referralID: nil))
    guard after.count == 1, case .close(let request) = after[0] else {
      Issue.record("no close after consent: \(after)")
      return
    }
    #expect(request.referrals.map(\.partner) == ["centro-saude"])
    #expect(request.referrals.map(\.topic) == ["integration.health"])
  }

  @Test("at 80×24 the partner list, once chosen, takes the rows it can use and says how many lie below")
  func partnerListGrows() throws {
    let model = Self.twoTopics(width: 80, height: 24)
    let lines = model.view().grid.lines
    let rows = lines.filter { $0.contains("[ ] ") && $0.contains(" · ") }
    #expect(rows.count > 3, "\(lines.joined(separator: "\n"))")
    let count = try #require(model.current(ServeScreen.self)?.suggestions(model).count)
    let more = model.tr("serve.morePartners", String(count - rows.count))
    #expect(lines.contains { $0.contains(more) }, "\(lines.joined(separator: "\n"))")
  }

  @Test("with one topic ticked the rows stay as they were: one per partner, no topic repeated")
  func oneTopic() {
    var model = Fixture.model(width: 120, height: 40)
    model.openServe(model.state.visits["T-2"]!)
    Fixture.type(&model, "saude")
    Fixture.press(&model, [.enter, .tab])
    let rows = Self.healthCentreRows(model)
    #expect(rows.count == 1)
    #expect(rows.allSatisfy { !$0.contains(" · ") })
  }
}
