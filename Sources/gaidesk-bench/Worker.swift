import Foundation
@_spi(Testing) import GAIDesk

#if canImport(Glibc)
  import Glibc
#endif

/// The hidden `append-worker` subcommand, the child the torture suite kills with SIGKILL.
///
/// Opens the office and registers visitors named `W<tag>-<i>` one durable record at a time. Only after an
/// append has returned does it write `W<tag>-<i> <visitor id>` to the acknowledgement file (O_APPEND, one
/// write(2) per line, so a line is whole or absent). Every acknowledged name must survive any kill.
func appendWorker(_ options: Options) throws {
  guard let root = options["root"], let ack = options["ack"], let tag = options["tag"] else {
    fail("append-worker needs --root, --ack and --tag")
  }
  let passphrase = options["passphrase"] ?? benchPassphrase
  let limit = options.int("max", default: 0)
  let syncAck = options.has("sync-ack")
  let fd = open(ack, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
  guard fd >= 0 else { fail("cannot open \(ack)") }
  let office: Office
  do {
    office = try Office.open(at: OfficePaths(root: root), passphrase: passphrase)
  } catch {
    note("append-worker: open: \(error)")
    exit(3)
  }
  var i = 0
  while limit == 0 || i < limit {
    i += 1
    let name = "W\(tag)-\(i)"
    let id: String
    do {
      id = try office.perform(staff: office.actorName) { context in
        let id = context.newID("V")
        return Produced(value: id, events: [.visitorRegistered(Visitor(id: id, fullName: name))])
      }.value
    } catch {
      note("append-worker: append: \(error)")
      exit(2)
    }
    let line = Array("\(name) \(id)\n".utf8)
    let n = line.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
    guard n == line.count else { fail("ack write failed") }
    if syncAck { fsync(fd) }
  }
}
