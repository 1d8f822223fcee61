import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// A name longer than its field or its row: the form shows its beginning once the field is left, the
/// profile keeps its value column.
@Suite("Long names")
struct LongNameTests {
  static let name = "Maria da Conceição Fernandes Tavares de Albuquerque e Vasconcelos Semedo"

  /// The row of the screen holding `label`.
  static func row(_ model: AppModel, _ label: String) -> String? {
    model.view().grid.lines.first { $0.contains(label) }
  }

  @Test("the new visitor form: while typing the field follows the cursor; left, it shows the start and …")
  func formField() throws {
    var model = Fixture.model()
    Fixture.press(&model, [.character("a"), .control("n")])
    Fixture.type(&model, Self.name)
    let label = model.tr("arrival.fullName")
    let typing = try #require(Self.row(model, label))
    #expect(typing.contains("Semedo"), "\(typing)")
    Fixture.press(&model, [.tab])
    let left = try #require(Self.row(model, label))
    #expect(left.contains(label + " ") && left.contains("Maria da Conceição"), "\(left)")
    #expect(left.contains("…") && !left.contains("Semedo"), "\(left)")
    // Back in it, the cursor at the end again shows the end.
    Fixture.press(&model, [.backTab, .end])
    #expect(try #require(Self.row(model, label)).contains("Semedo"))
  }

  @Test(
    "the profile: a long name's row keeps the value column of the other rows", arguments: Language.allCases)
  func profileName(language: Language) throws {
    var model = Fixture.model(language: language)
    var visitor = Fixture.visitor("V-9", Self.name, nationality: "CV", phone: "9912345", share: true)
    visitor.birthYear = 1985
    model.state.apply(
      EventBatch(staff: "Ana", office: "praia", events: [.visitorRegistered(visitor)]),
      time: Fixture.at(minutesAgo: 5, counter: 60))
    model.screens.append(.profile(ProfileScreen(visitorID: "V-9")))
    let lines = model.view().grid.lines
    let text = lines.joined(separator: "\n")
    func column(_ value: String, after label: String) throws -> Int {
      let row = try #require(lines.first { $0.hasPrefix("│ " + label) && $0.contains(value) }, "\(text)")
      let range = try #require(row.range(of: value))
      return row[..<range.lowerBound].count
    }
    let nationality = try column(model.tr.country("CV"), after: model.tr("profile.nationality"))
    #expect(try column("Maria", after: model.tr("profile.name")) == nationality, "\(text)")
    // The rest of the name continues under its start.
    let rest = try #require(lines.first { $0.contains("Semedo") }, "\(text)")
    #expect(rest.prefix(nationality).allSatisfy { $0 == " " || $0 == "│" }, "\(rest)")
    #expect(rest.dropFirst(nationality).first != " ", "\(rest)")
  }
}
