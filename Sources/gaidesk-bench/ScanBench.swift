import Foundation
import GAIDesk

/// Appends to the office's segment a damaged frame followed by fake record headers that pass every cheap
/// check (origin, length, next sequence, previous hash) and claim 1 MiB bodies, up to `size` bytes in all.
@discardableResult
func craftHostileSegment(root: String, size: Int) throws -> String {
  let journal = root + "/journal"
  guard let folder = try FileManager.default.contentsOfDirectory(atPath: journal).first,
    let origin = OriginID(hex: folder)
  else { fail("no origin folder in \(journal)") }
  let segment = journal + "/" + folder + "/" + SegmentFormat.fileName(index: 1)
  let existing = try FileIO.read(segment)
  let (records, _) = SegmentScanner(
    bytes: Array(existing[SegmentFormat.headerSize...]), base: SegmentFormat.headerSize, origin: origin
  ).scan()
  guard let last = records.last else { fail("the office has no record to follow") }
  let header = RecordHeader(
    origin: origin, sequence: last.header.sequence + 1, epoch: last.header.epoch, previousHash: last.hash)
  var fake: [UInt8] = []
  withUnsafeBytes(of: UInt32(SegmentFormat.maxBodySize).littleEndian) { fake += $0 }
  fake += [0, 0, 0, 0]
  fake += header.bytes
  var bytes = existing
  while bytes.count + fake.count <= size { bytes += fake }
  try FileIO.writeAtomically(bytes, to: segment)
  return segment
}

/// Opening an office whose segment is a crafted run of fake headers: linear resynchronisation.
func scanSection(_ report: inout Report, directory: String, repeats: Int) throws {
  note("hostile segment: crafting 4 MiB of fake record headers…")
  let root = directory + "/hostile-segment"
  try? FileManager.default.removeItem(atPath: root)
  let office = try Office.create(
    at: OfficePaths(root: root), office: "praia", passphrase: "bench-passphrase-2026", staff: "Bench",
    scryptLogN: 10)
  _ = try office.registerVisitor(VisitorForm(fullName: "Bench Visitor"), staff: "Bench")
  try craftHostileSegment(root: root, size: 4 << 20)
  var times: [Double] = []
  var damaged = false
  for _ in 0..<max(1, repeats) {
    times.append(
      try measure {
        let opened = try Office.open(at: OfficePaths(root: root), passphrase: "bench-passphrase-2026")
        damaged = !opened.damage.isEmpty
      })
  }
  let median = times.sorted()[times.count / 2]
  report.add(
    "hostile input", "open an office with a crafted 4 MiB segment (fake headers, 1 MiB claims)",
    measured: format(seconds: median), reference: damaged ? "damage named, read-only" : "NO DAMAGE FOUND",
    target: "< 1 s", ok: median < 1 && damaged, figures: ["open_crafted_4mib_s": median])
}
