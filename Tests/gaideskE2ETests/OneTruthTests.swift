import Foundation
import GAIDesk
import GAIDeskApp
import TerminalUI
import Testing

/// One office, every place that shows its figures: the supervisor's day and month tabs, `gaidesk day` and
/// `gaidesk report month` (text and JSON) and the CSV for the AAI say the same thing, figure for figure.
@Suite("One truth for the figures", .serialized)
struct OneTruthTests {
  @Test("the day and month tabs, the CLI's text and JSON and the CSV give identical figures")
  func identicalFigures() throws {
    let office = try TestOffice()
    defer { office.remove() }
    #expect(office.run(["demo", "--visitors", "40", "--days", "3"]) == 0, "\(office.log)")
    // Today's queue, so the day has waits, served and left tickets whatever the hour.
    for name in ["Aminata Baldé", "Мария Иванова", "Moussa Diop"] {
      #expect(office.run(["queue", "add", "--name", name, "--force"]) == 0, "\(office.log)")
    }
    #expect(office.run(["queue", "call", "--desk", "1"]) == 0, "\(office.log)")
    // The program runs on the real clock: the day compared is the one its call went to (read back, not
    // taken from the clock again, so a run across midnight compares the day it wrote).
    let opened = try Office.open(at: OfficePaths(root: office.data), passphrase: office.passphrase)
    let first = try #require(
      opened.state.visits.values.filter { $0.status == .called }.max { $0.calledAt! < $1.calledAt! })
    let today = first.day
    let ticket = first.ticket
    #expect(
      office.run(["queue", "done", ticket, "--topic", "residence.renewal", "--topic", "integration.health"])
        == 0, "\(office.log)")
    let state = try Office.open(at: OfficePaths(root: office.data), passphrase: office.passphrase).state
    let day = DayReport(state: state, day: today, office: "praia")
    let month = MonthReport(state: state, month: String(today.prefix(7)), office: "praia")
    #expect(day.ticketsIssued >= 3 && day.served >= 1 && month.visits >= day.ticketsIssued)

    // The supervisor's tabs, drawn at 120×40.
    var model = AppModel(
      hasOffice: true, settings: OfficeSettings(staff: "Ana", language: "pt"),
      size: Size(width: 120, height: 40), now: first.calledAt!.date)
    _ = model.update(.opened(office: "praia", state: state))
    _ = model.update(.key(.enter))
    _ = model.update(.key(.escape))  // no PIN
    _ = model.update(.key(.character("s")))
    let dayScreen = model.view().grid.lines.joined(separator: "\n")
    for line in day.summary(language: .portuguese) {
      #expect(dayScreen.contains(line.label), "day tab: \(line.label)")
      #expect(Self.shows(line, on: dayScreen), "day tab: \(line.label) \(line.value)")
    }
    for _ in 0..<3 { _ = model.update(.key(.tab)) }
    let monthScreen = model.view().grid.lines.joined(separator: "\n")
    for line in month.summary(language: .portuguese) {
      #expect(Self.shows(line, on: monthScreen), "month tab: \(line.label) \(line.value)")
    }

    // `gaidesk day`: text and JSON.
    #expect(office.run(["day", "--date", today]) == 0)
    let dayText = office.log
    for line in day.summary(language: .portuguese) {
      #expect(Self.shows(line, on: dayText), "day text: \(line.label) \(line.value)")
    }
    #expect(office.run(["day", "--date", today, "--json"]) == 0)
    let dayJSON = try Self.json(office.log)
    #expect(dayJSON["ticketsIssued"] as? Int == day.ticketsIssued)
    #expect(dayJSON["served"] as? Int == day.served)
    #expect(dayJSON["left"] as? Int == day.left)
    #expect(dayJSON["waiting"] as? Int == day.waiting)
    #expect((dayJSON["wait"] as? [String: Any])?["medianSeconds"] as? Int == day.wait.median)
    #expect((dayJSON["service"] as? [String: Any])?["p90Seconds"] as? Int == day.service.p90)

    // `gaidesk report month`: text, JSON and CSV.
    let name = String(today.prefix(7))
    #expect(office.run(["report", "month", name]) == 0)
    let monthText = office.log
    for line in month.summary(language: .portuguese) {
      #expect(Self.shows(line, on: monthText), "month text: \(line.label) \(line.value)")
    }
    #expect(office.run(["report", "month", name, "--json"]) == 0)
    let monthJSON = try Self.json(office.log)
    #expect(monthJSON["visits"] as? Int == month.visits)
    #expect(monthJSON["visitors"] as? Int == month.visitors)
    #expect(monthJSON["served"] as? Int == month.served)
    #expect((monthJSON["wait"] as? [String: Any])?["medianSeconds"] as? Int == month.wait.median)
    #expect(office.run(["report", "month", name, "--format", "csv"]) == 0)
    // The Portuguese CSV: `;`, decimal comma, waits in minutes (one decimal).
    let csv = office.log.replacingOccurrences(of: "\u{FEFF}", with: "")
    var summary: [String: String] = [:]
    for line in csv.components(separatedBy: .newlines) where line.hasPrefix("summary;") {
      let cells = line.components(separatedBy: ";")
      summary[cells[1]] = cells.last
    }
    func minutes(_ seconds: Int?) -> String? {
      seconds.map {
        let tenths = Int((Double($0) / 6).rounded())
        return "\(tenths / 10),\(tenths % 10)"
      }
    }
    #expect(summary["visits"] == String(month.visits))
    #expect(summary["served"] == String(month.served))
    #expect(summary["left"] == String(month.left))
    #expect(summary["visitors"] == String(month.visitors))
    #expect(summary["wait-median"] == minutes(month.wait.median))
    #expect(summary["service-p90"] == minutes(month.service.p90))
  }

  /// Whether `text` has the line's label followed, on the same line or the next, by its value.
  static func shows(_ line: ReportLine, on text: String) -> Bool {
    let lines = text.components(separatedBy: "\n")
    for (index, row) in lines.enumerated() {
      guard let range = row.range(of: line.label) else { continue }
      if row[range.upperBound...].contains(line.value) { return true }
      if index + 1 < lines.count, lines[index + 1].contains(line.value) { return true }
    }
    return false
  }

  static func json(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any])
  }
}
