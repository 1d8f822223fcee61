import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One origin's log: its segments, the reading position, and (for the owner) appending and tail repair.
final class OriginLog {
  let origin: OriginID
  let directory: String
  private let displayDirectory: String

  /// Segment being read and the file offset of its next record (0: header not read yet).
  private(set) var segment = 1
  private(set) var offset = 0
  private(set) var lastSequence: UInt64 = 0
  private(set) var lastHash = [UInt8](repeating: 0, count: 32)
  /// Where the last record read or written starts (segment, file offset), to check a cache against.
  private(set) var lastRecord: (segment: Int, offset: Int)?
  /// The key epoch of the next record when this account does not hold it: reading waits there.
  private(set) var waitingEpoch: UInt32?
  /// A tail that is not (yet) a complete record: an append in progress, or a torn write.
  private(set) var pendingTail: (segment: Int, offset: Int, reason: String)?
  /// The size of the pending tail's segment when it was scanned: until it grows, the scan result stands.
  private var pendingTailSegmentSize = 0
  /// How many times this log scanned segment bytes (a pending tail is not scanned again until it grows).
  private(set) var scans = 0
  /// The incomplete tail, named as a place in the journal.
  var pendingTailPlace: JournalDamage? {
    pendingTail.map { JournalDamage(segment: display($0.segment), offset: $0.offset, reason: $0.reason) }
  }
  /// Damage that stopped reading this origin.
  private(set) var damage: JournalDamage?
  /// Opens the records read (its cipher contexts set up at the first record).
  private var opener: BulkOpener?
  /// Tells reading when the folder may hold a segment after a missing one.
  private var laterSegmentsWatch = FolderWatch()
  /// The segment after which no later segment was found at the last listing (0: none looked for).
  private var laterSegmentsCheckedAfter = 0

  /// The segment this log last appended to, kept open with its device and inode: the next append writes
  /// through it while the segment's name still leads to that file (one `stat` instead of an open and a close).
  private var appendFile: (segment: Int, fd: Int32, device: UInt64, inode: UInt64)?

  init(origin: OriginID, directory: String, displayDirectory: String) {
    self.origin = origin
    self.directory = directory
    self.displayDirectory = displayDirectory
  }

  deinit { if let appendFile { close(appendFile.fd) } }

  /// Where reading has reached.
  var cursor: OriginCursor {
    OriginCursor(
      origin: origin, segment: segment, offset: offset, lastSequence: lastSequence, lastHash: lastHash,
      lastRecordSegment: lastRecord?.segment ?? 0, lastRecordOffset: lastRecord?.offset ?? 0)
  }

  /// Continues from a saved position.
  func resume(from cursor: OriginCursor) {
    segment = cursor.segment
    offset = cursor.offset
    lastSequence = cursor.lastSequence
    lastHash = cursor.lastHash
    lastRecord = cursor.lastSequence > 0 ? (cursor.lastRecordSegment, cursor.lastRecordOffset) : nil
  }

  /// The path of segment `index` (the last two named are kept: every refresh names the segment being read
  /// and the next).
  func path(_ index: Int) -> String {
    for named in namedPaths where named.index == index { return named.path }
    let path = directory + "/" + SegmentFormat.fileName(index: index)
    if namedPaths.count == 2 { namedPaths.removeFirst() }
    namedPaths.append((index, path))
    return path
  }
  private var namedPaths: [(index: Int, path: String)] = []
  private func display(_ index: Int) -> String {
    displayDirectory + "/" + SegmentFormat.fileName(index: index)
  }

  private func stop(_ index: Int, _ offset: Int, _ reason: String) {
    damage = JournalDamage(segment: display(index), offset: offset, reason: reason)
  }

  /// Reads records appended since the last call, delivering each decrypted entry in order.
  func readNew(
    keyring: Keyring, through limit: UInt64 = .max, deliver: (JournalEntry) throws -> Void
  ) throws {
    while let chunk = try readChunk(keyring: keyring, through: limit) {
      for entry in chunk { try deliver(entry) }
    }
  }

  /// The next records appended since the last call, at most one segment's worth, opened and checked (the
  /// position moves past them); nil when there are none. Several origins' logs are merged chunk by chunk.
  func readChunk(keyring: Keyring, through limit: UInt64 = .max) throws -> [JournalEntry]? {
    var chunk: [JournalEntry] = []
    func done() -> [JournalEntry]? { chunk.isEmpty ? nil : chunk }
    while damage == nil && lastSequence < limit && chunk.isEmpty {
      guard let size = FileIO.size(path(segment)) else {
        if lastSequence > 0 || segment > 1 {
          stop(segment, 0, "segment vanished after records \(lastSequence) were read")
        } else if let first = segmentIndexes().first {
          stop(1, 0, "segments 1…\(first - 1) missing")
        }
        return done()
      }
      guard FileIO.isRegularFile(path(segment)) else {
        stop(segment, 0, "not a regular file")
        return done()
      }
      if offset == 0 {
        guard readHeader() else { return done() }
      }
      if let tail = pendingTail, tail.segment == segment, size == pendingTailSegmentSize {
        // Another device's record still being written (or a copy cut while it was): nothing new since the
        // last scan, which is kept (the interface refreshes every 0.5 s, and every append reads first).
      } else if size > offset {
        scans += 1
        let bytes = try FileIO.read(path(segment), from: offset)
        let base = offset
        let (frames, stop) = SegmentScanner(bytes: bytes, base: base, origin: origin).scanFrames()
        chunk.reserveCapacity(frames.count)
        var opened = opener(for: keyring).open(frames, in: bytes)
        let accepted = bytes.withUnsafeBytes { raw -> Bool in
          for index in frames.indices {
            guard lastSequence < limit, let entry = accept(frames[index], &opened[index], in: raw, base: base)
            else { return false }
            chunk.append(entry)
          }
          return true
        }
        guard accepted else { return done() }
        switch stop {
        case nil: pendingTail = nil
        case .incompleteTail(let at, let reason):
          pendingTail = (segment, at, reason)
          pendingTailSegmentSize = size
        case .damage(let at, let reason, _):
          self.stop(segment, at, reason)
          return done()
        }
      } else if size < offset {
        stop(segment, size, "segment shrank below records already read")
        return done()
      }
      guard FileIO.size(path(segment + 1)) != nil else {
        // A later segment can only have appeared if the folder changed since it was last looked for.
        if laterSegmentsWatch.needsListing(directory) || laterSegmentsCheckedAfter != segment,
          let later = segmentIndexes().first(where: { $0 > segment + 1 })
        {
          stop(segment + 1, 0, "segment missing (segment \(later) follows)")
        }
        laterSegmentsCheckedAfter = segment
        return done()
      }
      if let tail = pendingTail {
        stop(tail.segment, tail.offset, tail.reason + " (followed by a later segment)")
        return done()
      }
      segment += 1
      offset = 0
    }
    return done()
  }

  /// The indexes of the segment files present, sorted.
  private func segmentIndexes() -> [Int] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
      .compactMap(SegmentFormat.index(fileName:)).sorted()
  }

  /// The opener for `keyring`: the one kept, unless the office learned an epoch since (its contexts are per
  /// epoch).
  private func opener(for keyring: Keyring) -> BulkOpener {
    if let opener, opener.keyring.epochs == keyring.epochs { return opener }
    let made = BulkOpener(keyring: keyring)
    opener = made
    return made
  }

  /// Checks the sequence, chain and seal of the record framed at `frame` in `bytes` (the segment from file
  /// offset `base`), `opened` beforehand (its content and hash are moved into the entry, not copied); on
  /// success advances the position and returns the entry.
  private func accept(
    _ frame: RecordFrame, _ opened: inout OpenedRecord, in bytes: UnsafeRawBufferPointer, base: Int
  ) -> JournalEntry? {
    let epoch = UInt32(truncatingIfNeeded: frame.epochOrClock)
    guard opener?.holds(epoch) == true else {
      // A key epoch this account does not hold (yet): the records from here wait, as a record not yet
      // written would, until the journal names the epoch's key (sealed under the epoch before it).
      waitingEpoch = epoch
      return nil
    }
    waitingEpoch = nil
    let offset = base + frame.position
    guard frame.sequence == lastSequence + 1 else {
      stop(segment, offset, "sequence \(frame.sequence) where \(lastSequence + 1) was expected")
      return nil
    }
    let chained =
      lastHash.count == 32
      && lastHash.withUnsafeBytes {
        memcmp(bytes.baseAddress! + frame.previousHashStart, $0.baseAddress!, 32) == 0
      }
    guard chained else {
      stop(segment, offset, "hash chain broken")
      return nil
    }
    var content: RecordContent?
    var hash: [UInt8] = []
    swap(&content, &opened.content)
    swap(&hash, &opened.hash)
    guard let content else {
      stop(segment, offset, "cannot decrypt: altered record or another office's key")
      return nil
    }
    // The entry's header shares the storage of values already held (this log's origin, the previous
    // record's hash) instead of keeping its own copies: an opening holds every entry at once.
    let header = RecordHeader(origin: origin, sequence: frame.sequence, epoch: epoch, previousHash: lastHash)
    lastSequence = frame.sequence
    lastHash = hash
    lastRecord = (segment, offset)
    self.offset = base + frame.end
    return JournalEntry(header: header, content: content)
  }

  private func readHeader() -> Bool {
    guard let bytes = try? FileIO.read(path(segment), limit: SegmentFormat.headerSize),
      bytes.count == SegmentFormat.headerSize
    else {
      stop(segment, 0, "segment header truncated")
      return false
    }
    do {
      let header = try SegmentFormat.parseHeader(bytes)
      guard header.origin == origin, header.index == segment else {
        stop(segment, 0, "segment header names another origin or index")
        return false
      }
    } catch .newerFormat(let version) {
      stop(segment, 0, "written by a newer GAIDesk (segment format \(version))")
      return false
    } catch {
      stop(segment, 0, "segment header damaged")
      return false
    }
    offset = SegmentFormat.headerSize
    return true
  }

  /// Copies a torn tail aside and truncates it. Only the owner, holding the append lock, calls this.
  /// Returns the repaired place, if there was one.
  func repairTail() throws -> JournalDamage? {
    guard damage == nil, let tail = pendingTail else { return nil }
    let file = path(tail.segment)
    let torn = try FileIO.read(file, from: tail.offset)
    let aside = directory + "/torn"
    let created = FileIO.size(aside) == nil
    try FileIO.makeDirectory(aside)
    let name =
      "\(SegmentFormat.fileName(index: tail.segment))-\(tail.offset)-\(Int(Date().timeIntervalSince1970)).bin"
    do {
      try FileIO.writeAtomically(torn, to: aside + "/" + name)
    } catch {
      // A full disk: leave the folder as it was (the tail is repaired once there is room).
      if created { rmdir(aside) }
      throw error
    }
    let fd = try FileIO.open(file, O_WRONLY)
    defer { close(fd) }
    guard ftruncate(fd, off_t(tail.offset)) == 0 else {
      throw FileIO.Failure(operation: "truncate", path: file, code: errno)
    }
    try FileIO.syncData(fd, path: file)
    pendingTail = nil
    return JournalDamage(segment: display(tail.segment), offset: tail.offset, reason: tail.reason)
  }

  /// Appends framed records durably; the caller holds the lock and has read everything before.
  func append(bodies: [[UInt8]], hashes: [[UInt8]], lastSequence newSequence: UInt64) throws {
    precondition(damage == nil && pendingTail == nil)
    // Past a segment's header, the refresh just made under the lock found the segment: no stat (a segment
    // removed since fails to open, and the append with it).
    if offset == 0 {
      if FileIO.size(path(segment)) == nil {
        try createSegment(segment)
        offset = SegmentFormat.headerSize
      } else if !readHeader() {
        throw GAIDeskError(.journalReadonly, damage?.description ?? display(segment))
      }
    }
    if offset >= SegmentFormat.rolloverSize {
      try createSegment(segment + 1)
      segment += 1
      offset = SegmentFormat.headerSize
    }
    var bytes: [UInt8] = []
    for body in bodies { bytes.append(contentsOf: SegmentFormat.frame(body: body)) }
    let file = path(segment)
    let fd = try appendDescriptor(file)
    do {
      try bytes.withUnsafeBytes { try FileIO.writeAll(fd, $0, at: offset, path: file) }
      try FileIO.syncData(fd, path: file)
    } catch {
      // Never retry a failed sync: cut the file back to what was durable before, and sync that.
      if ftruncate(fd, off_t(offset)) != 0 || fdatasync(fd) != 0 {
        stop(segment, offset, "could not undo a failed append; reopen the office")
      }
      // The next append opens the segment afresh (a descriptor that failed is not trusted again).
      close(fd)
      appendFile = nil
      throw error
    }
    if let last = bodies.last {
      lastRecord = (segment, offset + bytes.count - SegmentFormat.frameHeaderSize - last.count)
    }
    offset += bytes.count
    lastSequence = newSequence
    lastHash = hashes.last ?? lastHash
  }

  /// The current segment, `file`, open for writing: the descriptor kept from the last append when the name
  /// still leads to the same file (a segment replaced or removed since is opened again by its name).
  private func appendDescriptor(_ file: String) throws -> Int32 {
    var info = stat()
    if let kept = appendFile {
      if kept.segment == segment && stat(file, &info) == 0 && UInt64(info.st_dev) == kept.device
        && UInt64(info.st_ino) == kept.inode
      {
        return kept.fd
      }
      close(kept.fd)
      appendFile = nil
    }
    let fd = try FileIO.open(file, O_WRONLY)
    guard fstat(fd, &info) == 0 else {
      let code = errno
      close(fd)
      throw FileIO.Failure(operation: "stat", path: file, code: code)
    }
    appendFile = (segment, fd, UInt64(info.st_dev), UInt64(info.st_ino))
    return fd
  }

  private func createSegment(_ index: Int) throws {
    try FileIO.makeDirectory(directory)
    let temporary = directory + "/." + SegmentFormat.fileName(index: index) + ".tmp"
    let fd = try FileIO.open(temporary, O_WRONLY | O_CREAT | O_TRUNC)
    do {
      try SegmentFormat.header(origin: origin, index: index).withUnsafeBytes {
        try FileIO.writeAll(fd, $0, path: temporary)
      }
      try FileIO.syncData(fd, path: temporary)
      close(fd)
    } catch {
      close(fd)
      throw error
    }
    guard rename(temporary, path(index)) == 0 else {
      throw FileIO.Failure(operation: "rename", path: path(index), code: errno)
    }
    try FileIO.syncDirectory(directory)
  }
}

/// A reading position in one origin's log, saved with the snapshot cache.
public struct OriginCursor: Equatable, Sendable {
  /// The origin.
  public var origin: OriginID
  /// The segment being read.
  public var segment: Int
  /// The file offset of the next record in it.
  public var offset: Int
  /// The last sequence read.
  public var lastSequence: UInt64
  /// The hash of that record's body.
  public var lastHash: [UInt8]
  /// Where the last covered record starts (unused when `lastSequence` is 0).
  public var lastRecordSegment: Int
  /// The file offset of that record's frame.
  public var lastRecordOffset: Int

  /// Creates a cursor.
  public init(
    origin: OriginID, segment: Int, offset: Int, lastSequence: UInt64, lastHash: [UInt8],
    lastRecordSegment: Int, lastRecordOffset: Int
  ) {
    self.origin = origin
    self.segment = segment
    self.offset = offset
    self.lastSequence = lastSequence
    self.lastHash = lastHash
    self.lastRecordSegment = lastRecordSegment
    self.lastRecordOffset = lastRecordOffset
  }

  /// Whether the journal still holds, where the cursor says, the record it covers last (a journal restored
  /// from an older copy and written again would not).
  func matches(journalRoot: String) -> Bool {
    let folder = journalRoot + "/" + origin.hex + "/"
    if lastSequence == 0 && offset == 0 { return true }
    guard let size = FileIO.size(folder + SegmentFormat.fileName(index: segment)), size >= offset else {
      return false
    }
    guard lastSequence > 0 else { return true }
    let file = folder + SegmentFormat.fileName(index: lastRecordSegment)
    guard
      let frame = try? FileIO.read(
        file, from: lastRecordOffset, limit: SegmentFormat.frameHeaderSize + SegmentFormat.maxBodySize),
      case .success(let record) = SegmentScanner(bytes: frame, base: lastRecordOffset, origin: origin).frame(
        at: 0)
    else { return false }
    return record.header.sequence == lastSequence && record.hash == lastHash
  }

  /// When the journal holds fewer records of this origin than the cursor covered (a deleted folder or
  /// segment, a cut tail), how many it holds; nil when it holds as many or more (rewritten, not shorter).
  func heldElsewhere(journalRoot: String) -> UInt64? {
    let folder = journalRoot + "/" + origin.hex + "/"
    var held: UInt64 = 0
    var index = 1
    while let bytes = try? FileIO.read(folder + SegmentFormat.fileName(index: index)),
      bytes.count >= SegmentFormat.headerSize
    {
      let scanner = SegmentScanner(
        bytes: Array(bytes[SegmentFormat.headerSize...]), base: SegmentFormat.headerSize, origin: origin)
      held = scanner.scan().records.last?.header.sequence ?? held
      if held >= lastSequence { return nil }
      index += 1
    }
    return held
  }
}
