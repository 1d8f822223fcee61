import ArgumentParser
import GAIDesk

/// `gaidesk verify`: checks every record and names each damaged place.
struct Verify: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      Help.t(
        "Check every journal record (framing, CRC, chain, encryption, sequence); exit 0 only when intact."),
    discussion: Help.examples("verify"))

  @OptionGroup var options: OfficeOptions

  @Flag(
    name: .customLong("accept-missing"),
    help: Help.t(
      "Supervisor: accept the missing history named (an older copy restored on purpose) so writes resume."))
  var acceptMissing = false

  func run() throws {
    let office = try options.open()
    if acceptMissing { try office.acceptMissingHistory(staff: options.actor(office)) }
    let report = try office.verify()
    if options.json {
      Console.json([
        "intact": report.isIntact, "origins": report.origins, "segments": report.segments,
        "records": report.records,
        "bytes": report.bytes, "futureRecords": report.futureRecords, "futureDays": report.futureDays,
        "damage": report.damage.map { ["segment": $0.segment, "offset": $0.offset, "reason": $0.reason] },
        "incompleteTails": report.incompleteTails.map {
          ["segment": $0.segment, "offset": $0.offset, "reason": $0.reason]
        },
      ])
    } else {
      Console.say(
        "verify.summary", String(report.origins), String(report.segments), String(report.records),
        String(report.bytes))
      for damage in report.damage {
        Console.say("verify.damage", damage.segment, String(damage.offset), damage.reason)
      }
      for tail in report.incompleteTails {
        Console.say("verify.incompleteTail", tail.segment, String(tail.offset), tail.reason)
      }
      if report.futureRecords > 0 { Console.say("verify.future", String(report.futureRecords)) }
      if report.isIntact { Console.say("verify.intact") }
    }
    if !report.isIntact { throw ExitCode(ExitStatus.damaged.rawValue) }
    // No damage, but a log ends in an incomplete record (not damage: its own PC finishes or repairs it).
    if !report.incompleteTails.isEmpty { throw ExitCode(ExitStatus.incompleteTail.rawValue) }
    // Intact, but records dated in the future: a clock was set ahead.
    if report.futureRecords > 0 { throw ExitCode(ExitStatus.clockAhead.rawValue) }
  }
}
