import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// A visit row too long for the profile's box (several topics, a long outcome) keeps its columns: its later
/// rows start under its value, as a field's do (a cold try at 80×24 saw them fall back to the left margin).
@Suite("Profile visit rows wrap under their value")
struct ProfileVisitWrapTests {
  /// The outcome written when the visit closed.
  static let outcome =
    "Explicados os documentos a juntar e marcada nova visita para entregar o pedido completo na Direção de "
    + "Estrangeiros e Fronteiras da Praia"

  /// The topics the visit closed with.
  static let topics = ["residence.renewal", "integration.health", "entry.visa-information"]

  /// The profile of a visitor, `width` columns wide, whose one visit closed with `topics` and `outcome`.
  static func profile(width: Int) -> (AppModel, Visit) {
    var model = Fixture.model(width: width, height: 40)
    model.state.apply(
      EventBatch(
        staff: "Ana", office: "praia",
        events: [
          .visitorRegistered(Fixture.visitor("V-9", "Ana Lopes", nationality: "CV")),
          .visitArrived(visitID: "T-9", visitorID: "V-9", day: "2026-03-02", number: 3),
          .visitCalled(visitID: "T-9", desk: "1"),
          .visitClosed(visitID: "T-9", topics: topics, outcome: outcome, note: nil),
        ]), time: Fixture.at(minutesAgo: 60 * 24 * 8, counter: 70))
    model.screens.append(.profile(ProfileScreen(visitorID: "V-9")))
    return (model, model.state.visits["T-9"]!)
  }

  /// The columns `text` takes on screen.
  static func columns(_ text: some StringProtocol) -> Int { String(text).displayWidth }

  @Test(
    "later rows start under the first row's value; the columns' spacing and every word stay",
    arguments: [80, 100, 120])
  func wrapsUnderValue(width: Int) throws {
    let (model, visit) = Self.profile(width: width)
    let lines = model.view().grid.lines
    let text = lines.joined(separator: "\n")
    let tr = model.tr
    let first = try #require(lines.firstIndex { $0.contains(visit.ticket) }, "\(text)")
    let status = tr("status.done")
    let row = lines[first]
    #expect(row.contains(visit.ticket + "  " + status), "\(row)")
    let value = Self.columns(row[..<(try #require(row.range(of: status), "\(row)")).lowerBound])
    // The rows after it, up to the blank row that ends the visits.
    let rest = lines[(first + 1)...].prefix { !$0.dropFirst().allSatisfy { $0 == " " || $0 == "│" } }
    #expect(!rest.isEmpty, "the row does not wrap at \(width) columns:\n\(text)")
    for line in rest {
      let lead = line.prefix { $0 == " " || $0 == "│" }
      #expect(Self.columns(lead) == value, "\(line)\n\(text)")
    }
    let words = ([row] + rest).joined(separator: " ").split(separator: " ").map {
      $0.trimmingCharacters(in: [";"])
    }
    for word in (Self.topics.map { tr.topic($0) } + [Self.outcome]).flatMap({ $0.split(separator: " ") }) {
      #expect(words.contains(String(word)), "\(word) missing:\n\(text)")
    }
  }
}
