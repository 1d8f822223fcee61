import Crypto
import Foundation
@_spi(Testing) import GAIDesk
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Events of about `kilobytes` kB in one record (follow-up notes), to fill a small disk quickly.
func bulkyEvents(_ context: inout CommandContext, kilobytes: Int) -> [Event] {
  (0..<kilobytes).map { i in
    .followUpAdded(
      followUpID: context.newID("F"), visitorID: "V-X-\(i)", on: "2025-01-01",
      note: String(repeating: "Trazer o registo criminal e o contrato. ", count: 25))
  }
}

extension JournalTorture {
  /// A real full disk: a 2 MB tmpfs (root only; otherwise the same path with ENOSPC injected). Appends fail
  /// with error.disk.full, nothing acknowledged is lost, and appending works again once space is freed.
  @Test func diskFullOnSmallTmpfs() throws {
    let scratch = Scratch("full")
    defer { scratch.remove() }
    let mountPoint = scratch.path + "/disk"
    try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
    let mounted = "size=2m,mode=0700".withCString { mount("tmpfs", mountPoint, "tmpfs", 0, $0) } == 0
    defer { if mounted { umount2(mountPoint, 2 /* MNT_DETACH */) } }
    if !mounted {
      Torture.figure("disk full: cannot mount a tmpfs here (errno \(errno)); injecting ENOSPC instead")
    }
    let root = mountPoint + "/office"
    let office = try TestOffice.create(root)
    let baseline = office.state.recordCount
    // Ballast to free later, as someone deleting files would.
    let ballast = mountPoint + "/ballast"
    try overwrite(ballast, with: [UInt8](repeating: 7, count: mounted ? 300_000 : 10))

    var acknowledged: [String] = []
    var failure: (any Error)?
    for i in 0..<200 {
      if !mounted && i == 20 {
        FaultInjector.shared.fail(.write, at: 1, persistent: true, errno: ENOSPC, under: root)
      }
      do {
        let id = try office.perform(staff: "ana") { context in
          Produced(value: context.stamp.sequence, events: bulkyEvents(&context, kilobytes: 40))
        }.value
        acknowledged.append(String(id))
      } catch {
        failure = error
        break
      }
    }
    let error = try #require(
      failure as? GAIDeskError, "the disk never filled up: \(String(describing: failure))")
    #expect(error.key == "error.disk.full")
    #expect(!error.description.isEmpty)
    // A second attempt on the still-full disk fails the same way, and the office stays consistent.
    let again = #expect(throws: GAIDeskError.self) {
      try office.perform(staff: "ana") { context in bulkyEvents(&context, kilobytes: 40) }
    }
    #expect(again?.key == "error.disk.full")
    let recordsBefore = office.state.recordCount
    #expect(recordsBefore == baseline + acknowledged.count)

    // Space comes back.
    FaultInjector.shared.reset()
    unlink(ballast)
    try office.perform(staff: "ana") { context in bulkyEvents(&context, kilobytes: 4) }
    let reopened = try TestOffice.open(root)
    #expect(reopened.damage.isEmpty)
    #expect(reopened.state.recordCount == recordsBefore + 1)
    #expect(reopened.state.followUps.count == office.state.followUps.count)
    Torture.figure(
      "disk full (\(mounted ? "2 MB tmpfs" : "injected ENOSPC")): failed after \(acknowledged.count) appends "
        + "with \(error.key); all kept; appending resumed after freeing space")
  }

  /// Injected I/O errors on the Nth write or sync, once or persistently: the append fails with error.disk.io
  /// (error.disk.full for ENOSPC), the failed record is not in the journal (cut back, never retried blindly),
  /// nothing acknowledged is lost, and appends work again once the fault is cleared.
  @Test(arguments: [FaultInjector.Operation.write, .sync], [false, true])
  func injectedIOErrors(operation: FaultInjector.Operation, persistent: Bool) throws {
    let scratch = Scratch("fault")
    defer { scratch.remove() }
    let root = scratch.path + "/office"
    let office = try TestOffice.create(root)
    let baseline = office.state.recordCount
    var acknowledged: [String] = []
    for i in 0..<5 { acknowledged.append(try TestOffice.register(office, "before \(i)")) }
    let origin = try TestOffice.origin(root)
    let segment = try #require(TestOffice.segments(root, origin: origin).last)

    for (at, errno) in [(1, EIO), (2, EIO), (1, ENOSPC)] {
      FaultInjector.shared.fail(operation, at: at, persistent: persistent, errno: errno, under: root)
      defer { FaultInjector.shared.reset() }
      var failures = 0
      for attempt in 0..<3 {
        let size = FileIO.size(segment)
        do {
          acknowledged.append(try TestOffice.register(office, "fault \(operation) \(at) \(errno) \(attempt)"))
        } catch let error as GAIDeskError {
          failures += 1
          #expect(error.key == (errno == ENOSPC ? "error.disk.full" : "error.disk.io"))
          #expect(error.args.first == segment, "the message names the file: \(error.args)")
          // Cut back to what was durable before: the failed record is gone, not retried.
          #expect(FileIO.size(segment) == size)
        }
      }
      // Once: only the at-th append fails. Persistent: every append from the at-th on.
      #expect(failures == (persistent ? 3 - (at - 1) : 1), "\(operation) at \(at) persistent \(persistent)")
      FaultInjector.shared.reset()
      acknowledged.append(try TestOffice.register(office, "after \(operation) \(at) \(errno)"))
      #expect(office.damage.isEmpty)
    }
    let reopened = try TestOffice.open(root)
    #expect(reopened.damage.isEmpty)
    #expect(acknowledged.allSatisfy { reopened.state.visitors[$0] != nil })
    #expect(reopened.state.visitors.count == acknowledged.count)
    #expect(reopened.state.recordCount == baseline + acknowledged.count)
    let scan = try scanClean(TestOffice.segments(root, origin: origin), origin: origin)
    #expect(scan.clean && scan.records == baseline + acknowledged.count)
  }

  /// A failure while creating a segment (the first append of a new journal): the append fails, and the next
  /// one creates the segment properly.
  @Test func faultWhileCreatingASegment() throws {
    let scratch = Scratch("segfault")
    defer { scratch.remove() }
    let root = scratch.path + "/journal"
    let origin = OriginID.random()
    let sealer = Keyring(masterKey: .init(size: .bits256))
    // Sync 1: the new segment file; sync 2: its directory after the rename; sync 3: the record.
    for at in 1...3 {
      try? FileManager.default.removeItem(atPath: root)
      let journal = try Journal(root: root, origin: origin, keyring: sealer)
      FaultInjector.shared.fail(.sync, at: at, under: root)
      #expect(throws: FileIO.Failure.self) {
        try journal.append(deliver: { _ in }) { _ in [UInt8](repeating: 1, count: 10) }
      }
      FaultInjector.shared.reset()
      let retry = try Journal(root: root, origin: origin, keyring: sealer)
      try retry.append(deliver: { _ in }) { _ in [UInt8](repeating: 2, count: 10) }
      let read = try JournalRead(root: root, origin: origin, keyring: sealer, repair: false)
      #expect(read.damage.isEmpty, "sync \(at): \(read.damage)")
      #expect(read.payloads == [[UInt8](repeating: 2, count: 10)], "sync \(at)")
    }
  }
}
