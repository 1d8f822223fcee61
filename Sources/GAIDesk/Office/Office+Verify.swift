extension Office {
  /// Checks every record of the journal.
  public func verify() throws -> JournalVerifier.Report {
    var report = try JournalVerifier(root: paths.journal, keyring: keyringForVerification).run()
    report.damage += journal.missingHistory
    return report
  }
}
