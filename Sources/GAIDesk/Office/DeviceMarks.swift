import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Where this device stands in one office: the origin it writes as and the last record it wrote (its
/// high-water mark). Kept outside the data folder, per user and machine, so a copied or cloned folder never
/// continues this device's sequence and this device never continues a folder's older copy.
public struct DeviceMark: Codable, Equatable, Sendable {
  /// The origin this device writes as in the office (32 hex digits).
  public var origin: String
  /// The last sequence it wrote (0: none yet).
  public var sequence: UInt64
  /// SHA-256 of that record's body, hex.
  public var hash: String
  /// The segment holding that record.
  public var segment: Int
  /// The file offset of that record's frame.
  public var offset: Int
  /// The data folder it was written in (device and inode): a folder behind the mark is a copy when it is
  /// another folder, and lost records when it is this one.
  public var folder: String?
  /// CRC32C of the fields above: a mark torn by a power cut reads as no mark (a new origin), never as a
  /// claim of records that were not written.
  public var check: UInt32?

  /// The checksum of the fields.
  var computedCheck: UInt32 {
    CRC32C.checksum(Array("\(origin)|\(sequence)|\(hash)|\(segment)|\(offset)|\(folder ?? "")".utf8))
  }

  /// The mark of the last record a cursor covers, in data folder `root`.
  public init(cursor: OriginCursor, root: String) {
    folder = DeviceMark.identity(of: root)
    origin = cursor.origin.hex
    sequence = cursor.lastSequence
    hash = Hex.encode(cursor.lastHash)
    segment = cursor.lastRecordSegment
    offset = cursor.lastRecordOffset
    check = computedCheck
  }
}

extension DeviceMark {
  /// The mark as JSON, read back by `JSONDecoder`. Every append saves one, so when its strings are what this
  /// program writes there (hex digits, decimal digits, colons: nothing JSON escapes) it is written directly.
  var json: [UInt8] {
    let plain = [origin, hash, folder ?? ""].allSatisfy { value in
      value.utf8.allSatisfy { $0 == 0x3A || (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
    guard plain else { return (try? JSONEncoder().encode(self)).map { Array($0) } ?? [] }
    var text = "{\"origin\":\"\(origin)\",\"sequence\":\(sequence),\"hash\":\"\(hash)\","
    text += "\"segment\":\(segment),\"offset\":\(offset)"
    if let folder { text += ",\"folder\":\"\(folder)\"" }
    if let check { text += ",\"check\":\(check)" }
    return Array((text + "}").utf8)
  }

  /// The device and inode of a folder, nil when it cannot be read.
  public static func identity(of folder: String) -> String? {
    var info = stat()
    return stat(folder, &info) == 0 ? "\(info.st_dev):\(info.st_ino)" : nil
  }
}

/// The device's marks, one file per office id under the XDG state folder:
/// `$GAIDESK_STATE`, else `$XDG_STATE_HOME/gaidesk`, else `~/.local/state/gaidesk`.
public struct DeviceMarks: Sendable {
  /// The folder of mark files.
  public let folder: String

  /// The marks folder for this user, from the environment.
  public static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> DeviceMarks
  {
    if let explicit = environment["GAIDESK_STATE"], !explicit.isEmpty { return DeviceMarks(folder: explicit) }
    let base =
      environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
    return DeviceMarks(folder: base + "/gaidesk")
  }

  /// Whether saving is skipped (marks read for a folder this device can never write to).
  private var readsOnly = false

  /// Marks in `folder`.
  public init(folder: String) { self.folder = folder }

  /// `marks`, read but never saved.
  static func readOnly(_ marks: DeviceMarks) -> DeviceMarks {
    var copy = marks
    copy.readsOnly = true
    return copy
  }

  private func path(_ office: String) -> String { folder + "/office-" + office + ".json" }

  /// The mark of office `id`, nil when this device has none (or it is unreadable or torn).
  public func mark(office id: String) -> DeviceMark? {
    guard let data = FileManager.default.contents(atPath: path(id)),
      let mark = try? JSONDecoder().decode(DeviceMark.self, from: data), mark.check == mark.computedCheck
    else { return nil }
    return mark
  }

  /// The size every mark file is padded to, so it is always overwritten whole in place.
  static let fileSize = 1024

  /// Saves the mark of office `id`. Written after a record's fdatasync, in place (no new directory entry,
  /// so the next record's sync carries nothing of it) and without a sync of its own: a mark lost or torn in a
  /// power cut only costs a new origin at the next opening.
  public func save(_ mark: DeviceMark, office id: String) {
    guard !readsOnly else { return }
    var mark = mark
    mark.check = mark.computedCheck
    let data = mark.json
    guard !data.isEmpty, data.count < DeviceMarks.fileSize, (try? FileIO.makeDirectory(folder)) != nil else {
      return
    }
    let bytes = data + [UInt8](repeating: 0x20, count: DeviceMarks.fileSize - data.count)
    let fd = open(path(id), O_WRONLY | O_CREAT, 0o600)
    guard fd >= 0 else { return }
    defer { close(fd) }
    _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
  }
}
