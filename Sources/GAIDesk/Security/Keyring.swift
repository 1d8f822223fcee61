import Crypto

/// The record keys of an office, one per key epoch; new records are sealed under the current epoch.
///
/// Epoch 1's key is the office master key. Later epochs (started when someone leaves) have random keys wrapped
/// to each remaining account, so records sealed after a removal cannot be opened with keys the removed person
/// held. Each epoch's record key is HKDF-SHA256(epoch key, `gaidesk journal epoch N v1`).
public struct Keyring: @unchecked Sendable {
  /// The epoch new records are sealed under.
  public let current: UInt32
  private let keys: [UInt32: SymmetricKey]
  private let sealers: [UInt32: Sealer]

  /// The keyring of an office whose only epoch is the first, derived from `masterKey`.
  public init(masterKey: SymmetricKey) {
    self.init(epochs: [1: masterKey], current: 1)
  }

  /// A keyring holding `epochs` (epoch → epoch key), sealing new records under `current`.
  public init(epochs: [UInt32: SymmetricKey], current: UInt32) {
    precondition(epochs[current] != nil, "the current epoch must be held")
    self.current = current
    keys = epochs
    sealers = epochs.reduce(into: [:]) {
      $0[$1.key] = Sealer(masterKey: $1.value, purpose: "journal epoch \($1.key)")
    }
  }

  /// The epochs held.
  public var epochs: Set<UInt32> { Set(keys.keys) }
  /// The key of `epoch`, nil when not held.
  public func key(_ epoch: UInt32) -> SymmetricKey? { keys[epoch] }
  /// Every epoch key held.
  public var allKeys: [UInt32: SymmetricKey] { keys }

  /// This keyring with `more` epoch keys, sealing new records under `current`.
  public func adding(_ more: [UInt32: SymmetricKey], current: UInt32) -> Keyring {
    Keyring(epochs: keys.merging(more) { old, _ in old }, current: current)
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
