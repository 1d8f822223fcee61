import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct ConcurrencyTests {
  @Test func fourProcessesAddingTwoHundredFiftyEachEndWithExactlyOneThousand() throws {
    let cli = CLI()
    #expect(cli.initOffice().status == 0)
    let loop = "for i in $(seq 1 250); do \"$0\" visitor add --name \"Desk $1 person $i\" || exit 1; done"
    let children = (1...4).map { desk in
      cli.spawn(
        ["/bin/sh", "-c", loop, CLI.binary, String(desk)], environment: cli.environment, tag: "desk\(desk)")
    }
    for child in children { #expect(cli.wait(child).status == 0) }
    let visitors =
      try CLI.items(cli.run(["visitor", "find", "person", "--limit", "5000", "--json"]))
    #expect(visitors.count == 1000)
    #expect(Set(visitors.compactMap { $0["id"] as? String }).count == 1000)
    #expect(cli.run(["verify"]).status == 0)
  }

  @Test func sigkillNeverLosesAnAcknowledgedEvent() throws {
    let cli = CLI()
    #expect(cli.initOffice().status == 0)
    let ack = cli.scratch + "/acknowledged"
    // Each id is written to the acknowledgement file only after the command exited 0.
    let loop =
      "while :; do id=$(\"$0\" visitor add --name \"Kill test\") || exit 0; echo \"$id\" >> \"$1\"; done"
    func acknowledgedIDs() -> [String] {
      ((try? String(contentsOfFile: ack, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }
    for round in 0..<10 {
      let before = acknowledgedIDs().count
      let child = cli.spawn(
        ["/bin/sh", "-c", loop, CLI.binary, ack], environment: cli.environment, tag: "kill\(round)")
      // Wait until this round has acknowledged something (however loaded the machine), then kill at a
      // varied instant, most likely in the middle of the next append.
      let deadline = Date().addingTimeInterval(60)
      while acknowledgedIDs().count == before && Date() < deadline { usleep(20_000) }
      usleep(useconds_t((round * 37_000) % 300_000))
      kill(-child.pid, SIGKILL)
      _ = cli.wait(child)
      let verify = cli.run(["verify"])
      #expect(verify.status == 0, "round \(round): \(verify.out) \(verify.err)")
    }
    let acknowledged = Set(acknowledgedIDs())
    #expect(acknowledged.count >= 10)
    let found =
      try CLI.items(cli.run(["visitor", "find", "kill test", "--limit", "100000", "--json"]))
    let ids = found.compactMap { $0["id"] as? String }
    #expect(acknowledged.isSubset(of: Set(ids)))
    #expect(Set(ids).count == ids.count)
  }
}
