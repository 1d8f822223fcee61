import Foundation

extension Office {
  /// The slot files that differ from what the journal records for them, one warning each. The journal's copy
  /// of each account's slot (events 40 and 43) travels in records sealed under the epoch keys, which only the
  /// office's members hold: a file changed by someone without them (its scrypt cost raised, its salt or
  /// sealed key replaced, an older slot put back after a passphrase change, a slot for no account) no longer
  /// matches. Slots already skipped at unlock (`skipped`, by file name) are not named twice; an office from
  /// before accounts has no recorded slots yet.
  func unrecordedSlots(skipping skipped: Set<String>) -> [GAIDeskError] {
    guard !state.accounts.accounts.isEmpty else { return [] }
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: paths.keys)) ?? []).filter {
      $0.hasPrefix("slot-") && $0.hasSuffix(".json") && !skipped.contains($0)
    }
    var warnings: [GAIDeskError] = []
    for name in names.sorted() {
      let id = String(name.dropFirst("slot-".count).dropLast(".json".count))
      guard let account = state.accounts.accounts[id] else {
        warnings.append(GAIDeskError(.keyslotUnrecordedWarning, name))
        continue
      }
      // A removed account's slot is deleted by the next sync; its passphrase already opens nothing.
      guard !account.removed else { continue }
      if (try? FileIO.read(paths.keys + "/" + name, limit: 1 << 16)) != account.slot {
        warnings.append(GAIDeskError(.keyslotAlteredWarning, name))
      }
    }
    return warnings
  }
}

extension Office {
  /// Refuses a passphrase whose slot the journal has replaced since (an old copy of the slot put back after a
  /// passphrase change, or a change cut short before its file was written): the recorded slot is written in
  /// its place when the folder can be written, so the new passphrase opens the office next time.
  func refuseSupersededSlot(_ name: String) throws {
    guard case .account(let id, _, _) = credential, name == AccountSlot.fileName(id),
      let recorded = state.accounts.accounts[id], !recorded.removed,
      let opened = try? FileIO.read(paths.keys + "/" + name, limit: 1 << 16), opened != recorded.slot
    else { return }
    try? syncSlotFiles()
    throw GAIDeskError(.keyslotSuperseded)
  }
}
