import Crypto
import Foundation

extension Office {
  /// The key that authenticates this office's bundle manifests.
  var bundleKey: SymmetricKey { BundleFormat.key(masterKey: masterKeyForVerification) }

  /// Opens a bundle of this office, its manifest authenticated (the records are checked as they are read).
  public func openBundle(_ path: String) throws -> BundleReader {
    try BundleReader(path: path, office: identity.id ?? "", key: bundleKey)
  }

  /// Writes a bundle of every record after `since` (per origin; all when empty) to `path`, through `limits`
  /// when given. The manifest carries this office's knowledge vector.
  @discardableResult
  public func exportBundle(
    to path: String, since: [OriginID: UInt64] = [:], limits: [OriginID: UInt64] = [:]
  ) throws -> BundleManifest {
    try refresh()
    return try BundleWriter(journal: journal, office: identity.id ?? "", key: bundleKey)
      .write(to: path, since: since, limits: limits, now: now())
  }

  /// Writes a bundle of what the producer of `other` (another PC's last bundle) lacked when it wrote it.
  @discardableResult
  public func exportBundle(to path: String, sinceBundle other: String) throws -> BundleManifest {
    try exportBundle(to: path, since: try openBundle(other).manifest.vector)
  }

  /// Imports bundles: every file is authenticated and every record verified (hash, CRC, chain, seal) before
  /// anything is written, so a refused bundle leaves the office as it was. Records of other origins are
  /// appended to their logs; ranges after a gap wait in `incoming/`; forks are kept in `forks/`. Idempotent
  /// and order-insensitive. `progress` receives records verified and the total.
  public func importBundles(_ files: [String], progress: (Int, Int) -> Void = { _, _ in }) throws
    -> ImportSummary
  {
    try refresh()
    let bundles = try files.map { try openBundle($0) }
    let total = bundles.reduce(0) { $0 + Int($1.manifest.recordCount) }
    var before = 0
    let keyring = keyringForVerification.learning(from: bundles, credential: credential)
    for bundle in bundles {
      try bundle.verify(keyring: keyring) { done, _ in progress(before + done, total) }
      before += Int(bundle.manifest.recordCount)
    }
    let importer = BundleImporter(journal: journal, root: paths.root) { [self] in try openBundle($0) }
    let summary = try importer.run(bundles)
    try refresh()
    try syncSlotFiles()
    try healEpoch()
    if summary.added > 0 { saveSnapshot() }
    return summary
  }
}
