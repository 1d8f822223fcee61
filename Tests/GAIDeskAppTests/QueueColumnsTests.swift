import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// A very long name in the queue is cut with "…" in its column: the wait, status and desk columns stay where
/// the other rows have them (a cold try at 80×24 saw the wait column shift).
@Suite("Queue columns stay put")
struct QueueColumnsTests {
  /// A name of 60 characters.
  static let long = "Maria da Conceição Fernandes Tavares de Albuquerque Semedo X"

  /// The queue `width`×`height` after two visitors arrived together: one with `long` as name, one "Ana Lopes".
  static func queue(width: Int, height: Int) -> (AppModel, long: Visit, short: Visit) {
    var model = Fixture.model(width: width, height: height)
    model.state.apply(
      EventBatch(
        staff: "Ana", office: "praia",
        events: [
          .visitorRegistered(Fixture.visitor("V-8", Self.long, nationality: "CV")),
          .visitorRegistered(Fixture.visitor("V-9", "Ana Lopes", nationality: "CV")),
          .visitArrived(visitID: "T-8", visitorID: "V-8", day: Fixture.today, number: 8),
          .visitArrived(visitID: "T-9", visitorID: "V-9", day: Fixture.today, number: 9),
        ]), time: Fixture.at(minutesAgo: 12, counter: 80))
    return (model, model.state.visits["T-8"]!, model.state.visits["T-9"]!)
  }

  @Test(
    "the wait, status and desk values start in the same columns on a long name's row as on a short one's",
    arguments: [(80, 24), (120, 30)])
  func columnsLineUp(size: (width: Int, height: Int)) throws {
    let (model, long, short) = Self.queue(width: size.width, height: size.height)
    let lines = model.view().grid.lines
    let text = lines.joined(separator: "\n")
    let tr = model.tr
    let longRow = try #require(lines.first { $0.contains(long.ticket) }, "\(text)")
    let shortRow = try #require(lines.first { $0.contains(short.ticket) }, "\(text)")
    #expect(longRow.contains("…") && !longRow.contains(" X "), "\(longRow)")
    /// The column where `value` starts in `row`, searched after the name.
    func start(_ value: String, in row: String) throws -> Int {
      let name = try #require(row.range(of: "Ana Lopes") ?? row.range(of: "…"), "\(row)")
      let range = try #require(row[name.upperBound...].range(of: value), "\(value) in \(row)")
      return String(row[..<range.lowerBound]).displayWidth
    }
    let wait = DurationStats.text(long.waitSeconds(now: WallTime(model.now)))
    #expect(wait == DurationStats.text(short.waitSeconds(now: WallTime(model.now))))
    #expect(try start(wait, in: longRow) == start(wait, in: shortRow), "\(text)")
    let waiting = try start(tr("status.waiting"), in: longRow)
    #expect(try waiting == start(tr("status.waiting"), in: shortRow), "\(text)")
    let header = try #require(lines.first { $0.contains(tr("col.wait")) && $0.contains(tr("col.desk")) })
    #expect(
      String(header[..<header.range(of: tr("col.status"))!.lowerBound]).displayWidth == waiting, "\(text)")
  }
}
