import Foundation
import GAIDesk
import ProcessTestSupport
import Testing

/// The command line writes days and topics as the desk does, in the language asked: dd/mm/aaaa in Portuguese
/// and French (as typed at the desk, and taken back by --due, --on and --date), topic names rather than
/// codes; --json keeps the codes and ISO days.
@Suite struct ReadableListsCLITests {
  /// An office with Zé Tavares served for two topics, referred to DEF due 20/12 and called back on 10/12.
  static func office() throws -> (CLI, String) {
    let cli = CLI()
    #expect(cli.run(["init", "--office", "praia", "--staff", "Ana Tavares"]).status == 0)
    let added = cli.run(["visitor", "add", "--name", "Zé Tavares", "--consent-share", "yes", "--json"])
    let id = try #require(try CLI.object(added)["id"] as? String, "\(added.out)\(added.err)")
    #expect(cli.run(["queue", "add", "--visitor", id]).status == 0)
    let done = cli.run([
      "queue", "done", "A-001", "--topic", "residence.renewal", "--topic", "integration.health",
    ])
    #expect(done.status == 0, "\(done.err)")
    let due = CLI.localDay(daysFromToday: 10)
    let shown = LocalTime.shown(due, language: .portuguese)
    let referred = cli.run([
      "referral", "add", "--visitor", id, "--partner", "def", "--topic", "residence.renewal", "--due", shown,
    ])
    #expect(referred.status == 0, "typed as the desk shows it: \(referred.err)")
    #expect(cli.run(["followup", "add", "--visitor", id, "--on", shown, "--note", "ligar"]).status == 0)
    return (cli, id)
  }

  @Test func visitorShowReadsAsTheDesk() throws {
    let (cli, id) = try Self.office()
    let due = CLI.localDay(daysFromToday: 10)
    let today = CLI.localDay(daysFromToday: 0)
    let pt = cli.run(["visitor", "show", id]).out
    #expect(pt.contains(LocalTime.shown(today, language: .portuguese) + " A-001"), "\(pt)")
    #expect(pt.contains("Renovação") && pt.contains("Saúde"), "\(pt)")
    #expect(!pt.contains("residence.renewal") && !pt.contains(today) && !pt.contains(due), "\(pt)")
    #expect(pt.contains("→ " + LocalTime.shown(due, language: .portuguese)), "\(pt)")
    let en = cli.run(["visitor", "show", id, "--lang", "en"]).out
    #expect(en.contains("Health") && en.contains(due), "\(en)")
    let json = cli.run(["visitor", "show", id, "--json"]).out
    #expect(json.contains("residence.renewal") && json.contains(due), "\(json)")
  }

  @Test func referralAndFollowUpListsReadAsTheDesk() throws {
    let (cli, _) = try Self.office()
    let today = CLI.localDay(daysFromToday: 0)
    let day = cli.run(["day"]).out
    #expect(day.hasPrefix("Dia " + LocalTime.shown(today, language: .portuguese)), "\(day)")
    let typed = cli.run(["day", "--date", "32/13/2026"])
    #expect(typed.status == 1 && typed.err.contains("32/13/2026"), "\(typed.err)")
    let due = CLI.localDay(daysFromToday: 10)
    let referrals = cli.run(["referral", "list", "--lang", "fr"]).out
    #expect(referrals.contains(LocalTime.shown(due, language: .french)), "\(referrals)")
    #expect(!referrals.contains("residence.renewal"), "\(referrals)")
    let followUps = cli.run(["followup", "list"]).out
    #expect(followUps.contains(LocalTime.shown(due, language: .portuguese)) && !followUps.contains(due))
  }

  /// `report month` takes the month as the desk writes it (mm/aaaa), the command its month tab names.
  @Test func monthReportTakesTheMonthAsTheDeskWritesIt() throws {
    let (cli, _) = try Self.office()
    let month = String(CLI.localDay(daysFromToday: 0).prefix(7))
    let iso = cli.run(["report", "month", month, "--json"])
    #expect(iso.status == 0, "\(iso.err)")
    for typed in [
      LocalTime.shownMonth(month, language: .portuguese), "\(Int(month.suffix(2))!)/\(month.prefix(4))",
    ] {
      let shown = cli.run(["report", "month", typed, "--json"])
      #expect(shown.status == 0 && shown.out == iso.out, "\(typed): \(shown.err)")
    }
    let wrong = cli.run(["report", "month", "13/2026"])
    #expect(wrong.status != 0 && wrong.err.contains("13/2026"), "\(wrong.err)")
  }

  @Test func referralListColumnsLineUpWhateverTheWords() throws {
    let (cli, id) = try Self.office()
    let other = try #require(
      try CLI.object(
        cli.run([
          "referral", "add", "--visitor", id, "--partner", "plataforma-comunidades-africanas",
          "--topic", "integration.social-support", "--json",
        ]))["id"] as? String)
    #expect(cli.run(["referral", "set", other, "sent"]).status == 0)
    #expect(cli.run(["referral", "set", other, "no-show", "--reason", "could-not-contact"]).status == 0)
    for language in ["pt", "en", "fr"] {
      let out = cli.run(["referral", "list", "--lang", language]).out
      let rows = out.split(separator: "\n").filter { $0.hasPrefix("R-") }
      #expect(rows.count == 2, "\(out)")
      // The name (last column) starts in the same terminal column on every row.
      let starts = Set(
        rows.map { DeskCommandTests.columns($0.prefix { _ in true }.dropLast("Zé Tavares".count)) })
      #expect(starts.count == 1, "\(language):\n\(out)")
    }
  }
}
