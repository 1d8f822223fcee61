import Foundation

extension Office {
  /// Checks every record of the journal.
  public func verify(now: Date = Date()) throws -> JournalVerifier.Report {
    var report = try JournalVerifier(root: paths.journal, keyring: keyringForVerification).run(now: now)
    report.damage += journal.missingHistory
    return report
  }
}
