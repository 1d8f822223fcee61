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
    var text: [UInt8] = []
    MarkText.appendCheckInput(
      origin: origin.utf8, sequence: sequence, hash: hash.utf8, segment: segment, offset: offset,
      folder: (folder ?? "").utf8, to: &text)
    return CRC32C.checksum(text)
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
  /// The mark as JSON, read back by `JSONDecoder`. When its strings are what this program writes there (hex
  /// digits, decimal digits, colons: nothing JSON escapes) it is written directly, as ``DeviceMarkWriter``
  /// writes it after every append.
  var json: [UInt8] {
    let plain = [origin, hash, folder ?? ""].allSatisfy { value in value.utf8.allSatisfy(MarkText.isPlain) }
    guard plain else { return (try? JSONEncoder().encode(self)).map { Array($0) } ?? [] }
    var text: [UInt8] = []
    MarkText.appendJSON(
      origin: origin.utf8, sequence: sequence, hash: hash.utf8, segment: segment, offset: offset,
      folder: folder.map { Array($0.utf8) }, check: check, to: &text)
    return text
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
  @_spi(Testing) public static func readOnly(_ marks: DeviceMarks) -> DeviceMarks {
    var copy = marks
    copy.readsOnly = true
    return copy
  }

  func path(_ office: String) -> String { folder + "/office-" + office + ".json" }

  /// Whether marks are saved (not for a folder this device only reads).
  var saves: Bool { !readsOnly }

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
    var mark = mark
    mark.check = mark.computedCheck
    write(mark.json, toFile: path(id))
  }

  /// Writes the text of a mark over an office's mark `file`, padded with spaces to ``fileSize``, in place and
  /// without a sync (see ``save(_:office:)``).
  func write(_ text: [UInt8], toFile file: String) {
    guard let fd = open(file) else { return }
    defer { close(fd) }
    write(text, to: fd, file: file)
  }

  /// Opens an office's mark `file` for writing in place, creating it (and the marks folder only when the file
  /// cannot be opened for want of it); nil when it cannot be, or when marks are not saved.
  func open(_ file: String) -> Int32? {
    guard !readsOnly else { return nil }
    do {
      return try FileIO.open(file, O_WRONLY | O_CREAT)
    } catch let failure as FileIO.Failure where failure.code == ENOENT {
      guard (try? FileIO.makeDirectory(folder)) != nil else { return nil }
      return try? FileIO.open(file, O_WRONLY | O_CREAT)
    } catch {
      return nil
    }
  }

  /// Writes the text of a mark at the start of the open mark file `fd` (named `file`), padded with spaces to
  /// ``fileSize``: one `pwrite` through the file layer, never a sync. False when it could not be written.
  @discardableResult
  func write(_ text: [UInt8], to fd: Int32, file: String) -> Bool {
    var page = [UInt8](repeating: 0x20, count: DeviceMarks.fileSize)
    return write(text, to: fd, file: file, through: &page, over: DeviceMarks.fileSize)
  }

  /// As ``write(_:to:file:)``, through `page`, a buffer of ``fileSize`` bytes kept by the caller, whose bytes
  /// past the first `over` are spaces (the text written last through it): only those are made spaces again.
  func write(_ text: [UInt8], to fd: Int32, file: String, through page: inout [UInt8], over: Int) -> Bool {
    guard !readsOnly, !text.isEmpty, text.count < DeviceMarks.fileSize, page.count == DeviceMarks.fileSize
    else { return false }
    page.withUnsafeMutableBytes { page in
      text.withUnsafeBytes { page.copyMemory(from: $0) }
      if over > text.count {
        UnsafeMutableRawBufferPointer(rebasing: page[text.count..<min(over, page.count)]).initializeMemory(
          as: UInt8.self, repeating: 0x20)
      }
    }
    return (try? page.withUnsafeBytes { try FileIO.writeAll(fd, $0, at: 0, path: file) }) != nil
  }
}

/// Writes this device's mark in one office after every append, without building a ``DeviceMark``: the
/// origin's digits and the data folder's identity formatted once (again only when the folder's device or
/// inode changes), the text built in one reused buffer, the mark file kept open (opened again when it was
/// removed). The bytes are those of `DeviceMarks.save(DeviceMark(cursor:root:), office:)`; not thread-safe
/// (used under the append lock).
final class DeviceMarkWriter {
  private let marks: DeviceMarks
  /// The office's mark file.
  private let file: String
  private let root: String
  /// The mark file, open for writing in place; nil until the first save or after a failed write.
  private var fd: Int32?
  /// The origin the digits are of, and its 32 hex digits.
  private var origin: (id: OriginID, digits: [UInt8])?
  /// The data folder's device and inode, and their text `device:inode`.
  private var folder: (device: UInt64, inode: UInt64, text: [UInt8])?
  /// The journal folder's device and inode when `folder` was read.
  private var journalFolder: (device: UInt64, inode: UInt64)?
  private var text: [UInt8] = []
  private var hash: [UInt8] = []
  /// The mark file's bytes as written last: the text, then spaces.
  private var page = [UInt8](repeating: 0x20, count: DeviceMarks.fileSize)
  /// How long that text was (the page's bytes past it are spaces).
  private var pageText = 0

  /// A writer of the marks of office `id` in `marks`, for data folder `root`.
  init(marks: DeviceMarks, office id: String, root: String) {
    self.marks = marks
    self.file = marks.path(id)
    self.root = root
  }

  deinit { if let fd { close(fd) } }

  /// Saves the mark of the last record `cursor` covers (see ``DeviceMarks/save(_:office:)``). The data
  /// folder's identity is read again only when `journalFolder`, the journal folder's device and inode as the
  /// append just found them, changed (a data folder put in place of the open one holds another journal
  /// folder); nil reads it every time.
  func save(_ cursor: OriginCursor, journalFolder: (device: UInt64, inode: UInt64)? = nil) {
    guard marks.saves else { return }
    if origin?.id != cursor.origin { origin = (cursor.origin, Array(cursor.origin.hex.utf8)) }
    let sameJournalFolder =
      journalFolder != nil && folder != nil && journalFolder?.device == self.journalFolder?.device
      && journalFolder?.inode == self.journalFolder?.inode
    if !sameJournalFolder {
      self.journalFolder = journalFolder
      readFolderIdentity()
    }
    hash.removeAll(keepingCapacity: true)
    MarkText.appendHex(cursor.lastHash, to: &hash)
    let digits = origin!.digits
    text.removeAll(keepingCapacity: true)
    MarkText.appendCheckInput(
      origin: digits, sequence: cursor.lastSequence, hash: hash, segment: cursor.lastRecordSegment,
      offset: cursor.lastRecordOffset, folder: folder?.text ?? [], to: &text)
    let check = CRC32C.checksum(text)
    text.removeAll(keepingCapacity: true)
    MarkText.appendJSON(
      origin: digits, sequence: cursor.lastSequence, hash: hash, segment: cursor.lastRecordSegment,
      offset: cursor.lastRecordOffset, folder: folder?.text, check: check, to: &text)
    guard let fd = openFile() else { return }
    if marks.write(text, to: fd, file: file, through: &page, over: pageText) {
      pageText = text.count
    } else {
      // (The page may hold this text, unwritten: what lies past the longer one is spaces.)
      pageText = max(pageText, text.count)
      close(fd)
      self.fd = nil
    }
  }

  /// Reads the data folder's device and inode (`folder`, nil when it cannot be read).
  private func readFolderIdentity() {
    var info = stat()
    guard stat(root, &info) == 0 else {
      folder = nil
      return
    }
    let device = UInt64(info.st_dev)
    let inode = UInt64(info.st_ino)
    guard folder?.device != device || folder?.inode != inode else { return }
    var identity: [UInt8] = []
    MarkText.appendDecimal(device, to: &identity)
    identity.append(0x3A)
    MarkText.appendDecimal(inode, to: &identity)
    folder = (device, inode, identity)
  }

  /// The open mark file: the one kept while it still has a name (a removed file or marks folder is made
  /// again, as opening it by name at every append would).
  private func openFile() -> Int32? {
    if let fd {
      var info = stat()
      if fstat(fd, &info) == 0 && info.st_nlink > 0 { return fd }
      close(fd)
      self.fd = nil
    }
    fd = marks.open(file)
    return fd
  }
}

/// The text of a device mark, byte by byte: its JSON and the input of its check.
enum MarkText {
  /// Whether a byte is one JSON writes as it is in the mark's strings (hex and decimal digits, colons).
  static func isPlain(_ byte: UInt8) -> Bool {
    byte == 0x3A || (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
  }

  /// Appends `origin|sequence|hash|segment|offset|folder`, what the check covers.
  static func appendCheckInput<Text: Collection<UInt8>>(
    origin: Text, sequence: UInt64, hash: Text, segment: Int, offset: Int, folder: some Collection<UInt8>,
    to bytes: inout [UInt8]
  ) {
    bytes.append(contentsOf: origin)
    bytes.append(0x7C)
    appendDecimal(sequence, to: &bytes)
    bytes.append(0x7C)
    bytes.append(contentsOf: hash)
    bytes.append(0x7C)
    appendDecimal(segment, to: &bytes)
    bytes.append(0x7C)
    appendDecimal(offset, to: &bytes)
    bytes.append(0x7C)
    bytes.append(contentsOf: folder)
  }

  /// Appends the mark's JSON; its strings must be plain (``isPlain(_:)``).
  static func appendJSON<Text: Collection<UInt8>>(
    origin: Text, sequence: UInt64, hash: Text, segment: Int, offset: Int, folder: [UInt8]?, check: UInt32?,
    to bytes: inout [UInt8]
  ) {
    bytes.append(contentsOf: #"{"origin":""#.utf8)
    bytes.append(contentsOf: origin)
    bytes.append(contentsOf: #"","sequence":"#.utf8)
    appendDecimal(sequence, to: &bytes)
    bytes.append(contentsOf: #","hash":""#.utf8)
    bytes.append(contentsOf: hash)
    bytes.append(contentsOf: #"","segment":"#.utf8)
    appendDecimal(segment, to: &bytes)
    bytes.append(contentsOf: #","offset":"#.utf8)
    appendDecimal(offset, to: &bytes)
    if let folder {
      bytes.append(contentsOf: #","folder":""#.utf8)
      bytes.append(contentsOf: folder)
      bytes.append(0x22)
    }
    if let check {
      bytes.append(contentsOf: #","check":"#.utf8)
      appendDecimal(UInt64(check), to: &bytes)
    }
    bytes.append(0x7D)
  }

  /// Appends `value` in decimal digits.
  static func appendDecimal(_ value: UInt64, to bytes: inout [UInt8]) {
    var digits: (UInt64, Int) = (1, 1)
    while digits.1 < 20 && value / digits.0 >= 10 { digits = (digits.0 * 10, digits.1 + 1) }
    var place = digits.0
    while place > 0 {
      bytes.append(0x30 + UInt8(value / place % 10))
      place /= 10
    }
  }

  /// Appends `value` in decimal digits, with a minus sign when negative.
  static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
    if value < 0 { bytes.append(0x2D) }
    appendDecimal(UInt64(value.magnitude), to: &bytes)
  }

  /// Appends `bytes` as lowercase hex digits.
  static func appendHex(_ value: [UInt8], to bytes: inout [UInt8]) {
    for byte in value {
      bytes.append(hexDigit(byte >> 4))
      bytes.append(hexDigit(byte & 15))
    }
  }

  private static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }
}
