import COpenSSLCrypto
import CSQLite
import Foundation
@_spi(Testing) import GAIDesk

#if canImport(Glibc)
  import Glibc
#endif

/// The physical limit: appending the same number of bytes to a file in the same folder, then fdatasync.
final class RawAppender {
  let fd: Int32
  init(path: String) {
    unlink(path)
    fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    guard fd >= 0 else { fail("cannot open \(path)") }
  }
  deinit { close(fd) }

  func append(_ bytes: [UInt8]) {
    let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
    guard n == bytes.count, fdatasync(fd) == 0 else {
      fail("raw write failed: \(String(cString: strerror(errno)))")
    }
  }
}

/// The floor of a durable append with its mark: the raw write+fdatasync with the system calls the office's
/// append must also make (each kept for durability or for correctness across processes and copies, see
/// BENCHMARKS.md), and nothing else: the origin's lock taken and released, a `stat` of the journal folder
/// (new origins, which data folder), of the segment (another process's appends, which file the name leads
/// to) and of the origin folder (a segment dropped in), the record's 12-byte nonce, the `pwrite` and
/// `fdatasync`, then the mark's `fstat` (still named?) and `pwrite`, never synced.
final class FloorAppender {
  private let lock: Int32
  private let file: Int32
  private let mark: Int32
  private let journalFolder: String
  private let originFolder: String
  private let path: String
  private var offset = 0
  private var nonce = [UInt8](repeating: 0, count: 12)
  private var markText = [UInt8](repeating: 0x20, count: 1024)

  init(journalFolder: String, originFolder: String, markFolder: String) {
    self.journalFolder = journalFolder
    self.originFolder = originFolder
    path = originFolder + "/floor.bin"
    unlink(path)
    lock = open(originFolder + "/floor.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    file = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
    mark = open(markFolder + "/floor-mark.json", O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
    guard lock >= 0, file >= 0, mark >= 0 else { fail("cannot open the floor's files in \(originFolder)") }
  }
  deinit {
    close(lock)
    close(file)
    close(mark)
  }

  func append(_ bytes: [UInt8]) {
    var info = stat()
    flock(lock, LOCK_EX)
    _ = stat(journalFolder, &info)
    _ = stat(path, &info)
    _ = stat(originFolder, &info)
    _ = nonce.withUnsafeMutableBytes { getrandom($0.baseAddress, 12, 0) }
    let n = bytes.withUnsafeBytes { pwrite(file, $0.baseAddress!, $0.count, off_t(offset)) }
    guard n == bytes.count, fdatasync(file) == 0 else {
      fail("floor write failed: \(String(cString: strerror(errno)))")
    }
    offset += n
    _ = fstat(mark, &info)
    _ = markText.withUnsafeBytes { pwrite(mark, $0.baseAddress!, $0.count, 0) }
    flock(lock, LOCK_UN)
  }
}

/// The peer: SQLite in WAL mode with synchronous=FULL, one insert per commit.
final class SQLiteAppender {
  private var db: OpaquePointer?
  private var insert: OpaquePointer?
  let version = String(cString: sqlite3_libversion())

  init(path: String) {
    for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
      fail("sqlite open failed")
    }
    exec("PRAGMA journal_mode=WAL")
    exec("PRAGMA synchronous=FULL")
    exec("CREATE TABLE events (id INTEGER PRIMARY KEY, body BLOB NOT NULL)")
    guard sqlite3_prepare_v2(db, "INSERT INTO events (body) VALUES (?)", -1, &insert, nil) == SQLITE_OK else {
      fail("sqlite prepare failed")
    }
  }

  deinit {
    sqlite3_finalize(insert)
    sqlite3_close(db)
  }

  private func exec(_ sql: String) {
    guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
      fail("sqlite: \(sql): \(String(cString: sqlite3_errmsg(db)))")
    }
  }

  /// One insert, committed (autocommit) and synced before returning.
  func append(_ bytes: [UInt8]) {
    let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    _ = bytes.withUnsafeBytes { sqlite3_bind_blob(insert, 1, $0.baseAddress, Int32($0.count), transient) }
    guard sqlite3_step(insert) == SQLITE_DONE else {
      fail("sqlite insert: \(String(cString: sqlite3_errmsg(db)))")
    }
    sqlite3_reset(insert)
  }
}

/// A realistic registration form, as typed at the desk.
func benchForm(_ i: Int, random: inout SeededRandom) -> VisitorForm {
  var form = VisitorForm(
    fullName: "\(OfficeSimulator.firstNames[i % OfficeSimulator.firstNames.count]) "
      + "\(OfficeSimulator.lastNames[(i / 7) % OfficeSimulator.lastNames.count]) "
      + "\(OfficeSimulator.lastNames[(i / 3) % OfficeSimulator.lastNames.count])")
  form.sex = .female
  form.birthYear = 1980 + i % 25
  form.nationality = "GW"
  form.languages = ["pt", "kea"]
  form.phone = "+238 95\(i % 10) \(1000 + random.next() % 9000)"
  form.municipality = "praia"
  form.document = IdentityDocument(type: "passport", number: "P\(100_000 + random.next() % 900_000)")
  form.consentToStore = true
  form.consentToShare = true
  return form
}

struct AppendResult {
  var count: Int
  var recordBytes: Int
  /// The office's appends, each followed by this device's mark (as the program appends).
  var journal: Stats
  /// The same appends in an office whose marks are never saved (a folder this device only reads).
  var plain: Stats
  var raw: Stats
  /// Raw with the system calls an append with its mark cannot do without (``FloorAppender``).
  var floor: Stats
  var sqlite: Stats
  var sqliteVersion: String
}

/// In which order the append benchmark's five contenders take their turns.
enum AppendOrder: Equatable {
  /// One append of each per round, in an order drawn afresh each round (the default): the contenders see
  /// the same disk weather, and each follows each other as often (what ran just before an append changes
  /// its time: see BENCHMARKS.md, "the append's gap to its floor").
  case shuffle
  /// One append of each per round, the round's order rotated by one each round (so that each contender
  /// follows the same one four rounds in five: the append with the mark follows SQLite).
  case rotate
  /// Every contender's appends in a loop of their own, one contender after the other.
  case alone
  /// One append of each per round, always in this order (`m` with the mark, `p` plain, `r` raw, `f` the
  /// floor, `s` SQLite).
  case fixed([Int])

  /// Parses `shuffle`, `rotate`, `alone` or five letters naming every contender once (`mprfs` and its
  /// permutations).
  init?(_ text: String) {
    switch text {
    case "shuffle": self = .shuffle
    case "rotate": self = .rotate
    case "alone": self = .alone
    default:
      let letters = Array("mprfs")
      let slots = text.compactMap { letters.firstIndex(of: $0) }
      guard slots.count == 5, text.count == 5, Set(slots).count == 5 else { return nil }
      self = .fixed(slots)
    }
  }
}

/// Durable appends, interleaved so that the five contenders (appends with and without the device's mark,
/// the raw limit, the floor of the append's system calls, the peer) see the same disk weather. `order`
/// changes who follows whom; `idleMicroseconds` sleeps before each measured append (outside its time), so
/// that on a folder in memory every append starts as cold as after a sync on a disk.
func benchAppend(
  directory: String, count: Int, order: AppendOrder = .shuffle, idleMicroseconds: Int = 0
) throws -> AppendResult {
  let root = directory + "/append-office"
  try? FileManager.default.removeItem(atPath: root)
  try? FileManager.default.removeItem(atPath: root + "-plain")
  let paths = OfficePaths(root: root)
  let office = try Office.create(at: paths, office: "praia", passphrase: benchPassphrase, staff: "ana")
  let plainOffice = try Office.create(
    at: OfficePaths(root: root + "-plain"), office: "praia", passphrase: benchPassphrase, staff: "ana",
    marks: DeviceMarks.readOnly(DeviceMarks.resolve()))
  let originFolder = try FileManager.default.contentsOfDirectory(atPath: paths.journal)
    .filter { $0.count == 32 }.first.map { paths.journal + "/" + $0 }!
  let raw = RawAppender(path: originFolder + "/raw-limit.bin")
  let sqlite = SQLiteAppender(path: originFolder + "/peer.sqlite")
  let floor = FloorAppender(journalFolder: paths.journal, originFolder: originFolder, markFolder: directory)
  var random = SeededRandom(seed: 7)

  func segmentBytes() -> Int {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: originFolder)) ?? []
    return names.filter { $0.hasSuffix(".seg") }.reduce(0) {
      $0 + (FileIO.size(originFolder + "/" + $1) ?? 0)
    }
  }

  // Record size of one realistic registration, to give the limit and the peer the same bytes.
  let before = segmentBytes()
  try office.registerVisitor(benchForm(0, random: &random), staff: "ana")
  let recordBytes = segmentBytes() - before
  var payload = [UInt8](repeating: 0, count: recordBytes)
  for i in payload.indices { payload[i] = UInt8(truncatingIfNeeded: random.next()) }

  var journalTimes: [Double] = []
  var plainTimes: [Double] = []
  var rawTimes: [Double] = []
  var floorTimes: [Double] = []
  var sqliteTimes: [Double] = []
  let warmup = 20
  try plainOffice.registerVisitor(benchForm(0, random: &random), staff: "ana")
  let perContender = count + warmup
  // Its own generator: the forms are the same whatever the order.
  var shuffling = SeededRandom(seed: 11)
  for step in 0..<(order == .alone ? 5 * perContender : perContender) {
    let i = step % perContender
    let form = benchForm(i + 1, random: &random)
    var drawn = [0, 1, 2, 3, 4]
    if order == .shuffle {
      for k in stride(from: 4, to: 0, by: -1) { drawn.swapAt(k, Int(shuffling.next() % UInt64(k + 1))) }
    }
    for slot in 0..<(order == .alone ? 1 : 5) {
      if idleMicroseconds > 0 { usleep(UInt32(idleMicroseconds)) }
      let contender: Int
      switch order {
      case .shuffle: contender = drawn[slot]
      case .rotate: contender = (i + slot) % 5
      case .alone: contender = step / perContender
      case .fixed(let slots): contender = slots[slot]
      }
      switch contender {
      case 0:
        let t = try measure { try office.registerVisitor(form, staff: "ana") }
        if i >= warmup { journalTimes.append(t) }
      case 1:
        let t = try measure { try plainOffice.registerVisitor(form, staff: "ana") }
        if i >= warmup { plainTimes.append(t) }
      case 2:
        let t = measure { raw.append(payload) }
        if i >= warmup { rawTimes.append(t) }
      case 3:
        let t = measure { floor.append(payload) }
        if i >= warmup { floorTimes.append(t) }
      default:
        let t = measure { sqlite.append(payload) }
        if i >= warmup { sqliteTimes.append(t) }
      }
    }
  }
  return AppendResult(
    count: count, recordBytes: recordBytes, journal: Stats(journalTimes), plain: Stats(plainTimes),
    raw: Stats(rawTimes), floor: Stats(floorTimes),
    sqlite: Stats(sqliteTimes), sqliteVersion: sqlite.version)
}
