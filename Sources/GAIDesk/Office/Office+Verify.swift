extension Office {
  /// Checks every record of the journal.
  public func verify() throws -> JournalVerifier.Report {
    try JournalVerifier(
      root: paths.journal, sealer: Sealer(masterKey: masterKeyForVerification, purpose: "journal")
    ).run()
  }
}
