import Crypto

extension Keyring {
  /// This keyring with the epoch keys that the epoch starts inside `bundles` wrap to the account of
  /// `credential` (each start is sealed under the epoch before it, so keys are learned one epoch at a time),
  /// sealing under the latest held; records of an epoch the account does not hold stay unopened.
  func learning(from bundles: [BundleReader], credential: Credential) -> Keyring {
    guard case .account(let id, let privateKey, _) = credential else { return self }
    var keyring = self
    var learnedAny = true
    while learnedAny {
      learnedAny = false
      var learned: [UInt32: SymmetricKey] = [:]
      for bundle in bundles {
        for index in bundle.manifest.ranges.indices {
          for record in (try? bundle.records(index)) ?? [] {
            guard let content = keyring.open(record),
              let batch = try? EventCodec.decode(content.payload)
            else { continue }
            for case .epochStarted(let start) in batch.events where keyring.key(start.epoch) == nil {
              if let key = start.wraps.first(where: { $0.account == id })?.unwrap(
                epoch: start.epoch, with: privateKey)
              {
                learned[start.epoch] = key
              }
            }
          }
        }
      }
      if !learned.isEmpty {
        keyring = keyring.adding(learned, current: keyring.current)
        learnedAny = true
      }
    }
    return keyring
  }
}
