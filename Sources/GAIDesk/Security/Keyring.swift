import Crypto

/// The record keys of an office, one per key epoch; new records are sealed under the current epoch.
///
/// Epoch 1 is derived from the office master key. Later epochs (started when someone leaves) carry their own
/// random keys, so records sealed after a removal cannot be opened with keys the removed person held.
public struct Keyring: Sendable {
  /// The epoch new records are sealed under.
  public let current: UInt32
  private let sealers: [UInt32: Sealer]

  /// The keyring of an office whose only epoch is the first, derived from `masterKey`.
  public init(masterKey: SymmetricKey) {
    current = 1
    sealers = [1: Sealer(masterKey: masterKey, purpose: "journal epoch 1")]
  }

  /// The sealer of `epoch`, nil when this office has no such epoch.
  public func sealer(_ epoch: UInt32) -> Sealer? { sealers[epoch] }
  /// The sealer of the current epoch.
  public var currentSealer: Sealer { sealers[current]! }

  /// Opens a scanned record: its content, or nil when it does not open (altered, another office's key, an
  /// epoch this office does not hold, or malformed content).
  public func open(_ record: ScannedRecord) -> RecordContent? {
    guard let sealer = sealers[record.header.epoch],
      let plain = sealer.open(record.sealed, authenticating: record.authenticatedData)
    else { return nil }
    return try? RecordContent(decoding: plain)
  }
}
