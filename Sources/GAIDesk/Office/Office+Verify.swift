import Foundation

extension Office {
  /// Checks every record of the journal.
  public func verify(now: Date = WallClock.now()) throws -> JournalVerifier.Report {
    var report = try JournalVerifier(root: journal.root, keyring: keyringForVerification).run(
      now: now, owner: origin)
    report.damage += journal.missingHistory
    report.damage += forks.map {
      JournalDamage(
        segment: $0.file, offset: 0,
        reason:
          "fork: origin \($0.origin.hex.prefix(8)) differs from sequence \($0.sequence) on; `gaidesk fork resolve`"
      )
    }
    return report
  }
}
