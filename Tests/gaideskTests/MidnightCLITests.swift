import Foundation
import Testing

/// The command line across Praia's midnight (01:00 UTC), on clocks set on purpose on either side of it: a
/// ticket issued at 23:58 is still in the queue at 00:02, is marked left and its leave undone by its ticket,
/// and each day counts the tickets issued on it.
@Suite struct MidnightCLITests {
  /// The environment of a run at local `hh:mm` of `day` in Praia.
  static func at(_ day: String, _ hh: Int, _ mm: Int) -> [String: String] {
    TestOffice.clock(at: FrontDeskFixture.date(day, hh, mm))
  }

  @Test func aTicketIssuedBeforeMidnightIsFoundAndCountedAfterIt() throws {
    let cli = CLI()
    let evening = Self.at("2030-03-10", 23, 58)
    #expect(cli.run(["init", "--office", "praia", "--scrypt-log-n", "10"], environment: evening).status == 0)
    let issued = cli.run(["queue", "add", "--name", "Aminata Baldé"], environment: evening)
    #expect(issued.status == 0 && issued.out.contains("A-001"), "\(issued.out)\(issued.err)")

    let list = try CLI.items(cli.run(["queue", "list", "--json"], environment: Self.at("2030-03-11", 0, 2)))
    #expect(list.map { $0["ticket"] as? String } == ["A-001"], "\(list)")
    let left = cli.run(["queue", "left", "A-001", "--lang", "en"], environment: Self.at("2030-03-11", 0, 2))
    #expect(left.status == 0, "\(left.err)")
    let undone = cli.run(
      ["queue", "undo", "A-001", "--lang", "en"], environment: Self.at("2030-03-11", 0, 3))
    #expect(undone.status == 0 && undone.out.contains("A-001"), "\(undone.out)\(undone.err)")

    let morning = Self.at("2030-03-11", 8, 0)
    let today = try CLI.object(cli.run(["day", "--json"], environment: morning))
    let yesterday = try CLI.object(cli.run(["day", "--date", "2030-03-10", "--json"], environment: morning))
    #expect(today["ticketsIssued"] as? Int == 0 && yesterday["ticketsIssued"] as? Int == 1, "\(today)")
    let next = cli.run(["queue", "add", "--name", "Kofi Mensah"], environment: morning)
    #expect(next.out.contains("A-001"), "a new day, a new count: \(next.out)")
  }
}
