import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Copies bundles between folders without holding them in memory.
enum BundleFile {
  /// Copies `source` to `target` durably (a temporary file, synced, renamed, its folder synced), one
  /// chunk at a time.
  static func copy(_ source: String, to target: String) throws {
    let size = FileIO.size(source) ?? 0
    let temporary = target + ".part"
    let fd = try FileIO.open(temporary, O_WRONLY | O_CREAT | O_TRUNC)
    do {
      var offset = 0
      while offset < size {
        let chunk = try FileIO.read(source, from: offset, limit: BundleFormat.chunkSize)
        guard !chunk.isEmpty else { throw GAIDeskError(.bundleTruncated, source) }
        try chunk.withUnsafeBytes { try FileIO.writeAll(fd, $0, path: temporary) }
        offset += chunk.count
      }
      try FileIO.syncData(fd, path: temporary)
      close(fd)
    } catch {
      close(fd)
      unlink(temporary)
      throw error
    }
    try FileIO.rename(temporary, to: target)
    try FileIO.syncDirectory((target as NSString).deletingLastPathComponent)
  }
}
