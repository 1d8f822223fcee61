import Foundation
import Testing

@testable import GAIDesk

/// Where the backup box proposes to write: mounted filesystems right under the places USB sticks appear,
/// never a plain folder there (this machine's `/mnt/sandboxing` was offered as "the USB stick").
@Suite struct BackupCandidatesTests {
  @Test func onlyWhatIsMountedRightUnderTheRootsIsProposed() throws {
    let dir = TemporaryDirectory()
    let media = dir.path + "/media/ana"
    let mnt = dir.path + "/mnt"
    let last = dir.path + "/elsewhere"
    for folder in [media + "/KINGSTON USB", mnt + "/stick", mnt + "/plain", mnt + "/deep/inner", last] {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    let mountinfo = [
      "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw",
      "40 27 8:17 / \(media.replacingOccurrences(of: " ", with: "\\040"))/KINGSTON\\040USB rw - vfat /dev/sdb1 rw",
      "41 27 8:33 / \(mnt)/stick rw - exfat /dev/sdc1 rw",
      "42 27 0:25 / \(mnt)/deep/inner ro - tmpfs none ro",
      "43 27 8:49 / \(mnt)/gone rw - vfat /dev/sdd1 rw",
    ].joined(separator: "\n")
    let mounts = BackupFolder.mountPoints(mountinfo: mountinfo)
    #expect(mounts.contains(media + "/KINGSTON USB"))
    let found = BackupFolder.candidates(last: last, roots: [media, mnt], mounts: mounts)
    #expect(found == [last, media + "/KINGSTON USB", mnt + "/stick"])
    // Nothing mounted there: nothing proposed but the last folder, whatever folders the roots hold.
    #expect(BackupFolder.candidates(last: last, roots: [media, mnt], mounts: []) == [last])
    #expect(BackupFolder.candidates(last: nil, user: "nobody-here", mounts: []).isEmpty)
  }
}
