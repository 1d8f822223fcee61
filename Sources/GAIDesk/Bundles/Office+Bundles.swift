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
  /// when given. The manifest carries this office's knowledge vector. The records are streamed from the
  /// segments (memory stays bounded); `progress` hears the reading and the writing pass.
  @discardableResult
  public func exportBundle(
    to path: String, since: [OriginID: UInt64] = [:], limits: [OriginID: UInt64] = [:],
    progress: BundleProgress = { _, _, _ in }
  ) throws -> BundleManifest {
    try refresh()
    return try BundleWriter(journal: journal, office: identity.id ?? "", key: bundleKey)
      .write(to: path, since: since, limits: limits, now: now(), progress: progress)
  }

  /// Writes a bundle of what the producer of `other` (another PC's last bundle) lacked when it wrote it.
  @discardableResult
  public func exportBundle(
    to path: String, sinceBundle other: String, progress: BundleProgress = { _, _, _ in }
  ) throws -> BundleManifest {
    try exportBundle(to: path, since: try openBundle(other).manifest.vector, progress: progress)
  }

  /// Imports bundles: every file is authenticated and every record verified (hash, CRC, chain, seal) before
  /// anything is written, so a refused bundle leaves the office as it was. Records of other origins are
  /// appended to their logs; ranges after a gap wait in `incoming/`; forks are kept in `forks/`. Idempotent
  /// and order-insensitive; bundles are read a few MiB at a time. `progress` hears the verifying pass and
  /// the importing pass (records done and the total).
  public func importBundles(_ files: [String], progress: BundleProgress = { _, _, _ in }) throws
    -> ImportSummary
  {
    try refresh()
    if let medium { throw medium.error }
    let bundles = try files.map { try openBundle($0) }
    let total = bundles.reduce(0) { $0 + Int($1.manifest.recordCount) }
    var before = 0
    let keyring = keyringForVerification.learning(from: bundles, credential: credential)
    for bundle in bundles {
      try bundle.verify(keyring: keyring) { done, _ in
        progress(.verifying, before + done, total)
      }
      before += Int(bundle.manifest.recordCount)
    }
    var applied = 0
    let importer = BundleImporter(journal: journal, root: paths.root) { [self] in try openBundle($0) }
    let summary = try importer.run(bundles) { count in
      applied += count
      progress(.importing, min(applied, total), total)
    }
    try refresh()
    try syncSlotFiles()
    try healEpoch()
    if summary.added > 0 { saveSnapshot() }
    return summary
  }
}
