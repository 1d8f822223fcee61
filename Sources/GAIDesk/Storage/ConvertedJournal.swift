import Crypto
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A format-1 office's journal converted to format 2 outside its folder, for an office whose folder refuses
/// writes (a USB stick, a mounted backup): read from there, never written, removed when the office closes.
/// It lives in memory (`/dev/shm`) where there is one, else in the user's state folder; its records are
/// sealed as in the office (nothing in clear).
final class ConvertedJournal {
  /// The private folder holding the converted journal.
  let folder: String
  /// Why the office itself cannot be written (every write meets it).
  let refusal: ReadOnlyMedium
  /// The converted journal's root.
  var journal: String { folder + "/journal" }

  /// Converts the journal of the format-1 office in `paths`, whose folder refused the migration with
  /// `refusal`.
  init(paths: OfficePaths, masterKey: SymmetricKey, refusal: ReadOnlyMedium, marks: DeviceMarks) throws {
    let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : marks.folder + "/converted"
    folder = base + "/gaidesk-" + UUID().uuidString.lowercased()
    self.refusal = refusal
    try FileIO.makeDirectory(folder)
    do {
      try Migration(paths: paths, masterKey: masterKey).convertAside(into: folder + "/journal")
    } catch {
      try? FileManager.default.removeItem(atPath: folder)
      throw error
    }
  }

  deinit { try? FileManager.default.removeItem(atPath: folder) }

  /// An id for a format-1 office, which had none: the same every time, from its `office.json` bytes.
  static func officeID(_ paths: OfficePaths) throws -> String {
    let bytes = try FileIO.read(paths.officeFile, limit: 1 << 16)
    let hash = Array(SHA256.hash(data: bytes))
    let uuid = UUID(
      uuid: (
        hash[0], hash[1], hash[2], hash[3], hash[4], hash[5], hash[6], hash[7], hash[8], hash[9], hash[10],
        hash[11], hash[12], hash[13], hash[14], hash[15]
      ))
    return uuid.uuidString.lowercased()
  }
}
