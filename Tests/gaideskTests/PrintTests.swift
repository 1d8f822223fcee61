import Foundation
import Testing

/// The day sheet and the month's summary on paper, through the real `lp` and a private CUPS scheduler.
@Suite("Printing the day and the month", .serialized)
struct PrintTests {
  /// An office with three tickets, one called, today; and the day of the ticket called, as the program wrote
  /// it (it runs on the real clock: the test prints that day rather than reading the clock again, so a run
  /// across midnight prints the day it wrote).
  static func office() throws -> (CLI, day: String) {
    let cli = CLI()
    #expect(cli.initOffice().status == 0)
    for name in ["Maria 王 Silva", "José Tavares", "Ana Lopes"] {
      #expect(cli.run(["queue", "add", "--name", name, "--force"]).status == 0)
    }
    let called = cli.run(["queue", "call", "--desk", "2", "--json"])
    #expect(called.status == 0)
    return (cli, try #require(try CLI.object(called)["day"] as? String, "\(called.out)"))
  }

  @Test func theDaySheetAndTheMonthGoToThePrinter() throws {
    if let reason = PrintServer.unavailable {
      Issue.record(Comment(rawValue: reason))
      return
    }
    let server = try PrintServer()
    defer { server.stop() }
    let (cli, today) = try Self.office()
    let printing = ["CUPS_SERVER": server.socket]
    let day = cli.run(["day", "--date", today, "--print"], environment: printing)
    #expect(day.status == 0 && day.out.contains("Enviado para a impressora gaidesk-test"), "\(day.err)")
    let month = String(today.prefix(7))
    #expect(cli.run(["report", "month", month, "--print"], environment: printing).status == 0)
    let jobs = try #require(server.jobs(count: 2))
    let sheet = jobs[0]
    #expect(sheet == cli.run(["day", "--date", today]).out, "the printed sheet is what `gaidesk day` shows")
    #expect(sheet.contains("A-001") && sheet.contains("Maria 王 Silva") && sheet.contains("em atendimento"))
    #expect(
      jobs[1].contains("Relatório mensal \(month)") && jobs[1].contains("Senhas emitidas"), "\(jobs[1])")
    #expect(
      !FileManager.default.fileExists(
        atPath: cli.scratch + "/gaidesk-day-\(today).txt"))
  }

  @Test func aRefusedJobShowsWhatLpSaid() throws {
    if let reason = PrintServer.unavailable {
      Issue.record(Comment(rawValue: reason))
      return
    }
    let server = try PrintServer()
    defer { server.stop() }
    try server.admin(["/usr/sbin/cupsreject", server.printer])
    let (cli, today) = try Self.office()
    let day = cli.run(["day", "--date", today, "--print"], environment: ["CUPS_SERVER": server.socket])
    #expect(day.status == 6, "device unavailable: \(day.status) \(day.err)")
    #expect(day.err.contains("gaidesk-test") && day.err.contains("not accepting jobs"), "\(day.err)")
  }

  @Test func withoutAPrinterTheSheetIsSavedWithoutNames() throws {
    let (cli, today) = try Self.office()
    let nowhere = ["CUPS_SERVER": cli.scratch + "/no-cups.sock"]
    let day = cli.run(["day", "--date", today, "--print"], environment: nowhere)
    let path = cli.scratch + "/gaidesk-day-\(today).txt"
    #expect(day.status == 0 && day.out.contains(path), "\(day.out) \(day.err)")
    let saved = try String(contentsOfFile: path, encoding: .utf8)
    #expect(saved.contains("A-001") && saved.contains("Sem nomes"))
    for name in ["Maria", "王", "José", "Tavares", "Ana Lopes"] {
      #expect(!saved.contains(name), "\(name) in \(saved)")
    }
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let month = cli.run(
      ["report", "month", String(today.prefix(7)), "--print", "--lang", "en"], environment: nowhere)
    #expect(month.status == 0 && month.out.contains("No printer is configured"), "\(month.out) \(month.err)")
    #expect(cli.run(["day", "--print", "--json"]).status == 1)
    #expect(cli.run(["report", "month", String(today.prefix(7)), "--print", "--format", "csv"]).status == 1)
  }
}
