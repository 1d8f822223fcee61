import Foundation
import Testing

@testable import GAIDesk

/// Bundles are read and written a chunk at a time: any chunk size gives the same records, the same checks,
/// and progress for every pass.
@Suite struct BundleStreamingTests {
  @Test func anyChunkSizeReadsTheSameRecordsAndRefusesTheSameDamage() throws {
    let folders = try OfficeFolders(2)
    _ = try TestOffice.addVisitors(folders.offices[0], count: 12)
    let path = try folders.export(0)
    let bundle = try folders.offices[1].openBundle(path)
    let whole = try bundle.records(0).map(\.body)
    #expect(whole.count == 13)  // the office's first record (its accounts) and 12 visitors
    for size in [1, 7, 100, 333, whole.reduce(0) { $0 + $1.count }, 1 << 22] {
      var chunks = 0
      var read: [ArraySlice<UInt8>] = []
      try bundle.forEachChunk(0, chunkSize: size) { records in
        chunks += 1
        read += records.map(\.body)
        return true
      }
      #expect(read == whole, "chunk size \(size)")
      #expect(size > 1 << 20 || chunks > 1, "chunk size \(size): \(chunks) chunks")
    }
    // A flipped byte in the last record is found whatever the chunk size, after the records before it.
    var bytes = try FileIO.read(path)
    bytes[bytes.count - 3] ^= 0x01
    let flipped = folders.newPath()
    try FileIO.writeAtomically(bytes, to: flipped)
    let damaged = try folders.offices[1].openBundle(flipped)
    for size in [1, 64, 1 << 22] {
      #expect(throws: GAIDeskError.self, "chunk size \(size)") {
        try damaged.forEachChunk(0, chunkSize: size) { _ in true }
      }
    }
  }

  @Test func exportAndImportReportEveryPass() throws {
    let folders = try OfficeFolders(2)
    _ = try TestOffice.addVisitors(folders.offices[0], count: 5)
    var heard: [BundleStep: [Int]] = [:]
    let path = folders.newPath()
    let manifest = try folders.offices[0].exportBundle(to: path) { step, done, total in
      #expect(total == 6 && done <= total)
      heard[step, default: []].append(done)
    }
    #expect(manifest.recordCount == 6)  // the accounts record and 5 visitors
    _ = try folders.offices[1].importBundles([path]) { step, done, total in
      #expect(total == 6 && done <= total)
      heard[step, default: []].append(done)
    }
    for step in [BundleStep.reading, .writing, .verifying, .importing] {
      #expect(heard[step]?.last == 6, "\(step): \(heard[step] ?? [])")
    }
    #expect(digest(folders.offices[1].state) == digest(folders.offices[0].state))
  }
}
