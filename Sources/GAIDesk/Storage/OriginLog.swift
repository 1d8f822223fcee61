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
  /// The next segments (at most one a lane of the opener), each being read and opened on a thread of its own
  /// while the caller folds the one before, in the order they come.
  private var pending: [PendingChunk] = []
  /// The buffers of the segment read last, given back for a later segment's reading (``SegmentBuffers``) once
  /// nothing uses them: its bytes when the reading of the chunk is over, its plaintext (which the records
  /// returned view) at the next reading.
  private var spentBytes: [UInt8]?
  private var spentPlain: [UInt8]?
  /// Whether reading keeps a SHA-256 of each segment read from its start (``readSeals``).
  var sealsWhileReading = false
  /// How many threads open records at once (``BulkOpener``).
  var openingThreads = ProcessInfo.processInfo.activeProcessorCount
  /// The seal of the segment being read, from its first byte to `length`.
  private var seal: (segment: Int, hasher: SealHasher, length: Int)?
  /// The seals of the segments read whole.
  private var closedSeals: [SegmentSeal] = []
  /// Tells reading when the folder may hold a segment after a missing one.
  private var laterSegmentsWatch = FolderWatch()
  /// The segment after which no later segment was found at the last listing (0: none looked for).
  private var laterSegmentsCheckedAfter = 0

  /// The segment this log last appended to, kept open with its device and inode: the next append writes
  /// through it while the segment's name still leads to that file (no open and close). `checkedAt` is the
  /// folder watch's listing count when its name was last seen to lead to it: while the folder has not
  /// changed since, the name still does, and reading asks the descriptor (`fstat`) instead of the name.
  private var appendFile: (segment: Int, fd: Int32, device: UInt64, inode: UInt64, checkedAt: Int)?
  /// Whether this log keeps its folder and segment open to look at them without walking their paths (the
  /// writing origin's log: its reads come before every append).
  var keepsFilesOpen = false
  /// The origin folder, open while `keepsFilesOpen`: its stamp is read through it, valid while the journal
  /// folder has not changed since it was opened (``folderMayHaveMoved()``).
  private var folderDescriptor: Int32?
  /// Whether the folder watch said the folder changed and the listing it asks for is still to be made.
  private var folderListingOwed = false
  /// The file the segment being read was found to be by the last read (its name's device and inode); the
  /// append made under the lock right after that read takes it, once, for the file its name leads to.
  private var foundSegment: (segment: Int, device: UInt64, inode: UInt64)?

  init(origin: OriginID, directory: String, displayDirectory: String) {
    self.origin = origin
    self.directory = directory
    self.displayDirectory = displayDirectory
  }

  deinit {
    if let appendFile { close(appendFile.fd) }
    if let folderDescriptor { close(folderDescriptor) }
  }

  /// Forgets the origin folder kept open: the journal folder changed, so the name may lead to another folder.
  func folderMayHaveMoved() {
    if let folderDescriptor { close(folderDescriptor) }
    folderDescriptor = nil
  }

  /// Whether the origin folder changed since it was last listed (one `fstat` of the folder kept open, else
  /// one `stat` of its name); when it did, the listing is owed to ``nextSegmentIsThere(size:)``.
  private func folderChanged() -> Bool {
    if keepsFilesOpen && folderDescriptor == nil {
      folderDescriptor = try? FileIO.open(directory, O_RDONLY | O_DIRECTORY)
    }
    let changed =
      folderDescriptor.map { laterSegmentsWatch.needsListing(descriptor: $0) }
      ?? laterSegmentsWatch.needsListing(directory)
    if changed { folderListingOwed = true }
    return changed
  }

  /// What the segment being read is (one `stat` of its name; one `fstat` of the segment kept open for
  /// appending when the folder has not changed since its name was seen to lead to it).
  private func segmentStatus(folderChanged: Bool) -> FileIO.Status? {
    if !folderChanged, let kept = appendFile, kept.segment == segment,
      kept.checkedAt == laterSegmentsWatch.listings
    {
      return FileIO.status(descriptor: kept.fd)
    }
    let found = FileIO.status(path(segment))
    if let found, let kept = appendFile, kept.segment == segment, kept.device == found.device,
      kept.inode == found.inode
    {
      appendFile?.checkedAt = laterSegmentsWatch.listings
    }
    return found
  }

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
  /// When the chunk ends a segment and the next one is there, the next is read and opened on other threads
  /// while the caller folds this one.
  func readChunk(keyring: Keyring, through limit: UInt64 = .max) throws -> [JournalEntry]? {
    // The records of the chunk returned last have been taken by now: their plaintext's buffer can be reused.
    if let plain = spentPlain.take() { SegmentBuffers.shared.give(plain) }
    var chunk: [JournalEntry] = []
    func done() -> [JournalEntry]? {
      if let bytes = spentBytes.take() { SegmentBuffers.shared.give(bytes) }
      guard !chunk.isEmpty else { return nil }
      prepareNext(keyring: keyring, through: limit)
      return chunk
    }
    while damage == nil && lastSequence < limit && chunk.isEmpty {
      // The folder first: while it has not changed, the segment's name leads to the file it led to.
      let changed = folderChanged()
      // One stat answers whether the segment is there, is a file, how long it is, and which file it is.
      let found = segmentStatus(folderChanged: changed)
      foundSegment = found.map { (segment, $0.device, $0.inode) }
      guard let found else {
        if lastSequence > 0 || segment > 1 {
          stop(segment, 0, "segment vanished after records \(lastSequence) were read")
        } else if let first = segmentIndexes().first {
          stop(1, 0, "segments 1…\(first - 1) missing")
        }
        return done()
      }
      guard found.isRegularFile else {
        stop(segment, 0, "not a regular file")
        return done()
      }
      let size = found.size
      let tailUnchanged = pendingTail.map { $0.segment == segment && size == pendingTailSegmentSize } ?? false
      if offset == 0 || (!tailUnchanged && size > offset) {
        // (A tail unchanged is another device's record still being written, or a copy cut while it was:
        // nothing new since the last scan, which is kept; the interface refreshes every 0.5 s.)
        let prepared = try prepared(keyring: keyring, size: size)
        spentBytes = prepared.bytes
        spentPlain = prepared.plain
        if offset == 0 {
          if let problem = prepared.headerProblem {
            stop(segment, 0, problem)
            return done()
          }
          offset = SegmentFormat.headerSize
          seal = prepared.headerSeal.map { (segment, $0, offset) }
        }
        if prepared.end > offset {
          scans += 1
          guard take(prepared, into: &chunk, through: limit) else { return done() }
          switch prepared.stop {
          case nil: pendingTail = nil
          case .incompleteTail(let at, let reason):
            pendingTail = (segment, at, reason)
            pendingTailSegmentSize = prepared.end
          case .damage(let at, let reason, _):
            self.stop(segment, at, reason)
            return done()
          }
        }
      } else if !tailUnchanged && size < offset {
        stop(segment, size, "segment shrank below records already read")
        return done()
      }
      guard nextSegmentIsThere(size: size) else { return done() }
      if let tail = pendingTail {
        stop(tail.segment, tail.offset, tail.reason + " (followed by a later segment)")
        return done()
      }
      closeSeal()
      segment += 1
      offset = 0
    }
    return done()
  }

  /// Whether the segment after the one being read, whose size was `size`, is there; stops reading at a
  /// segment found after a missing one. A writer starts the next segment only once this one has reached
  /// ``SegmentFormat/rolloverSize``: below that, only a change of the folder can have brought one (a segment
  /// dropped in), which the folder's stamp tells (one `stat`, ``FolderWatch``, instead of a `stat` of the
  /// next segment's name and one of the folder).
  private func nextSegmentIsThere(size: Int) -> Bool {
    if size >= SegmentFormat.rolloverSize && FileIO.status(path(segment + 1)) != nil { return true }
    guard folderListingOwed || laterSegmentsCheckedAfter != segment else { return false }
    folderListingOwed = false
    laterSegmentsCheckedAfter = segment
    let indexes = segmentIndexes()
    if indexes.contains(segment + 1) { return true }
    if let later = indexes.first(where: { $0 > segment + 1 }) {
      stop(segment + 1, 0, "segment missing (segment \(later) follows)")
    }
    return false
  }

  /// The records of the segment being read from the position on, framed, opened and checked against each
  /// other: prepared on other threads beforehand if they were read whole as they are now, else now.
  private func prepared(keyring: Keyring, size: Int) throws -> PreparedChunk {
    let opener = opener(for: keyring)
    if let first = pending.first, first.segment == segment, first.base == offset {
      pending.removeFirst()
      if let chunk = first.wait() {
        if chunk.end == size, chunk.epochs == opener.keyring.epochs { return chunk }
        chunk.recycle()
      }
    }
    // The opener is not shared between threads: the segments prepared ahead are waited for (and dropped)
    // before this thread opens anything itself.
    for ahead in pending { ahead.wait()?.recycle() }
    pending = []
    return try PreparedChunk.read(
      path: path(segment), segment: segment, base: offset, origin: origin, opener: opener,
      sealing: sealsWhileReading)
  }

  /// Starts preparing the segments ahead on other threads when the reading has just moved to a segment: it
  /// and the ones after it that are there, up to one a lane of the opener.
  private func prepareNext(keyring: Keyring, through limit: UInt64) {
    guard damage == nil, offset == 0, lastSequence < limit else { return }
    let opener = opener(for: keyring)
    var next = pending.last.map { $0.segment + 1 } ?? segment
    while pending.count < opener.lanes, FileIO.size(path(next)) != nil,
      let ahead = PendingChunk(
        path: path(next), segment: next, base: 0, origin: origin, opener: opener,
        sealing: sealsWhileReading, lane: next)
    {
      pending.append(ahead)
      next += 1
    }
  }

  /// Takes the prepared records that follow this log's position into `chunk`: the first is checked against
  /// the position (epoch held, sequence, chain, content), the ones after it were checked against each other
  /// when prepared. Returns false when reading stops at a record (damage, a key epoch not held, `limit`).
  private func take(_ prepared: PreparedChunk, into chunk: inout [JournalEntry], through limit: UInt64)
    -> Bool
  {
    let frames = prepared.frames
    let entries = prepared.entries
    var taken = 0
    if !entries.isEmpty {
      guard lastSequence < limit else { return false }
      if let refusal = refusal(frames[0], opened: true, in: prepared) {
        refuse(refusal, at: frames[0], in: prepared)
        return false
      }
      taken = min(entries.count, Int(clamping: limit - lastSequence))
      chunk = taken == entries.count ? entries : Array(entries[..<taken])
      let last = frames[taken - 1]
      lastSequence = last.sequence
      lastHash = taken == entries.count ? prepared.lastHash.bytes : entries[taken].header.previousHash
      lastRecord = (segment, prepared.base + last.position)
      extendSeal(prepared, to: prepared.base + last.end, whole: taken == entries.count)
      offset = prepared.base + last.end
    }
    guard taken < frames.count else { return true }
    guard taken == entries.count, lastSequence < limit else { return false }
    let frame = frames[taken]
    refuse(
      refusal(frame, opened: prepared.nextOpened, in: prepared)
        ?? .damage("cannot decrypt: altered record or another office's key"), at: frame, in: prepared)
    return false
  }

  /// Why the record at `frame` cannot follow the last one read (nil: it can); a record under a key epoch
  /// this account holds ends any wait for one.
  private func refusal(_ frame: RecordFrame, opened: Bool, in prepared: PreparedChunk) -> PreparedChunk
    .Refusal?
  {
    let held = opener?.holds(UInt32(truncatingIfNeeded: frame.epochOrClock)) == true
    if held { waitingEpoch = nil }
    return prepared.bytes.withUnsafeBytes {
      PreparedChunk.refusal(
        frame, opened: opened, held: held, previousSequence: lastSequence, previousHash: ChainHash(lastHash),
        in: $0)
    }
  }

  /// Stops reading at the record at `frame`: damage, or a wait for a key epoch not held (yet), whose
  /// records wait as a record not yet written would, until the journal names the epoch's key.
  private func refuse(_ refusal: PreparedChunk.Refusal, at frame: RecordFrame, in prepared: PreparedChunk) {
    switch refusal {
    case .epochNotHeld(let epoch): waitingEpoch = epoch
    case .damage(let reason): stop(segment, prepared.base + frame.position, reason)
    }
  }

  /// Moves the seal of the segment being read to `end` (a file offset in `prepared`'s segment, the end of a
  /// record taken), from the prepared seal when `whole` (every prepared entry taken) or from the prepared
  /// parts of the records taken; forgotten when this log did not read the segment from its start.
  private func extendSeal(_ prepared: PreparedChunk, to end: Int, whole: Bool) {
    guard sealsWhileReading, var current = seal, current.segment == segment,
      (prepared.base...end).contains(current.length)
    else { return seal = nil }
    if whole, prepared.base == 0, let hasher = prepared.entriesSeal {
      current.hasher = hasher
    } else if current.length < end {
      let taken = prepared.frames.prefix(prepared.sealParts.count / SealHasher.bytesPerRecord)
      guard let first = taken.firstIndex(where: { prepared.base + $0.position == current.length }),
        let last = taken.firstIndex(where: { prepared.base + $0.end == end })
      else { return seal = nil }
      prepared.sealParts.withUnsafeBytes {
        current.hasher.add(
          records: UnsafeRawBufferPointer(
            rebasing: $0[first * SealHasher.bytesPerRecord..<(last + 1) * SealHasher.bytesPerRecord]))
      }
    }
    current.length = end
    seal = current
  }

  /// Keeps the seal of the segment read whole before the reading moves past it.
  private func closeSeal() {
    if let current = seal, current.segment == segment, current.length == offset {
      closedSeals.append(
        SegmentSeal(origin: origin, segment: segment, length: offset, hash: current.hasher.finalize()))
    }
    seal = nil
  }

  /// Seals of the bytes this log read from the start of a segment (when ``sealsWhileReading``): each
  /// segment it read whole, and the one being read up to the position. The snapshot cache keeps them without
  /// reading and hashing the segments again.
  var readSeals: [SegmentSeal] {
    guard let current = seal, current.segment == segment, current.length == offset else { return closedSeals }
    return closedSeals + [
      SegmentSeal(origin: origin, segment: segment, length: offset, hash: current.hasher.finalize())
    ]
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
    let made = BulkOpener(keyring: keyring, threads: openingThreads)
    opener = made
    return made
  }

  /// Reads and checks the header of the segment being read (the position then moves past it).
  private func readHeader() -> Bool {
    let bytes = (try? FileIO.read(path(segment), limit: SegmentFormat.headerSize)) ?? []
    if let problem = PreparedChunk.problem(ofHeader: bytes, origin: origin, segment: segment) {
      stop(segment, 0, problem)
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

  /// Appends records durably, each framed as the segment holds it (`SegmentFormat.frame`); the caller holds
  /// the lock and has read everything before.
  func append(records: [[UInt8]], hashes: [[UInt8]], lastSequence newSequence: UInt64) throws {
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
    // One record (a command) is written as it is; several are joined for their one write.
    let bytes = records.count == 1 ? records[0] : Array(records.joined())
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
    if let last = records.last { lastRecord = (segment, offset + bytes.count - last.count) }
    offset += bytes.count
    lastSequence = newSequence
    lastHash = hashes.last ?? lastHash
  }

  /// The current segment, `file`, open for writing: the descriptor kept from the last append when the name
  /// still leads to the same file (a segment replaced or removed since is opened again by its name). Which
  /// file the name leads to is what the read made under the lock just before found (no `stat` of its own);
  /// without one, the segment is opened by its name.
  private func appendDescriptor(_ file: String) throws -> Int32 {
    let found = foundSegment
    foundSegment = nil
    if let kept = appendFile {
      if let found, kept.segment == segment, found.segment == segment, found.device == kept.device,
        found.inode == kept.inode
      {
        return kept.fd
      }
      close(kept.fd)
      appendFile = nil
    }
    let fd = try FileIO.open(file, O_WRONLY)
    guard let opened = FileIO.status(descriptor: fd) else {
      let code = errno
      close(fd)
      throw FileIO.Failure(operation: "stat", path: file, code: code)
    }
    // Opened by its name now: seen to lead to it since the folder's last listing.
    appendFile = (segment, fd, opened.device, opened.inode, laterSegmentsWatch.listings)
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
