import Foundation

/// A backup folder (on a USB stick): `office.json`, `keys/`, `bundles/NNNNNN-….gaibundle`, `LEIA-ME.txt`.
public struct BackupFolder: Sendable {
  /// The folder.
  public let root: String

  /// The backup in `root`.
  public init(root: String) { self.root = root }

  /// The folder of bundles, oldest first by name.
  public var bundles: String { root + "/bundles" }
  /// The office paths the folder mirrors (identity and key slots sit where an office has them).
  var asOffice: OfficePaths { OfficePaths(root: root) }

  /// The bundle files, oldest first.
  public func bundleFiles() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: bundles)) ?? [])
      .filter { $0.hasSuffix("." + BundleFormat.fileExtension) }.sorted().map { bundles + "/" + $0 }
  }

  /// The name of the next bundle: a running number and the UTC time, e.g. `000003-20261130-174501`.
  func nextBundleName(now: Date) -> String {
    let last = bundleFiles().compactMap { Int(($0 as NSString).lastPathComponent.prefix(6)) }.max() ?? 0
    let digits = String(last + 1)
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    return String(repeating: "0", count: max(0, 6 - digits.count)) + digits + "-"
      + formatter.string(from: now)
      + "." + BundleFormat.fileExtension
  }

  /// Folders a backup may go to, most likely first: the last backup folder when it is there, then the
  /// filesystems mounted right under `/media/USER`, `/run/media/USER`, `/media` and `/mnt` (where USB sticks
  /// appear) that can be written to; a plain folder there is not a stick.
  public static func candidates(
    last: String?, user: String? = ProcessInfo.processInfo.environment["USER"],
    mounts: [String] = mountPoints()
  ) -> [String] {
    var roots = ["/media", "/mnt"]
    if let user, !user.isEmpty { roots = ["/media/" + user, "/run/media/" + user] + roots }
    return candidates(last: last, roots: roots, mounts: mounts)
  }

  /// The last backup folder when it is there, then the writable folders of `mounts` right under one of
  /// `roots`, in the order of `roots`, by name.
  static func candidates(last: String?, roots: [String], mounts: [String]) -> [String] {
    let manager = FileManager.default
    var found: [String] = []
    if let last, manager.fileExists(atPath: last) { found.append(last) }
    for root in roots {
      for path in mounts.filter({ ($0 as NSString).deletingLastPathComponent == root }).sorted() {
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue,
          manager.isWritableFile(atPath: path), !found.contains(path)
        else { continue }
        found.append(path)
      }
    }
    return found
  }

  /// Where filesystems are mounted, from `mountinfo` (by default this process's): the fifth field of each
  /// line, its octal escapes (`\040` for a space) decoded.
  public static func mountPoints(
    mountinfo: String = (try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)) ?? ""
  ) -> [String] {
    mountinfo.split(separator: "\n").compactMap { line in
      let fields = line.split(separator: " ")
      return fields.count > 4 ? unescaped(fields[4]) : nil
    }
  }

  /// `field` with mountinfo's `\NNN` octal escapes decoded.
  private static func unescaped(_ field: Substring) -> String {
    var bytes: [UInt8] = []
    var rest = Array(field.utf8)[...]
    while let byte = rest.popFirst() {
      if byte == UInt8(ascii: "\\"), rest.count >= 3,
        let value = UInt8(String(decoding: rest.prefix(3), as: UTF8.self), radix: 8)
      {
        bytes.append(value)
        rest = rest.dropFirst(3)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The LEIA-ME text in Portuguese, English and French; its commands name `folder` by its full path, as a
  /// shell reads it (quoted when it holds anything but letters, digits and `/._-+:@,`), so they work from any
  /// folder on any PC.
  static func readme(office: OfficeIdentity, folder: String) -> String {
    let name = ReferenceData.shipped.municipality(office.office)?.name ?? office.office
    return [Language.portuguese, .english, .french].map {
      Strings.shared.text(
        "backup.readme", [name, office.id ?? "", shellWord(OfficePaths.absolute(folder))], language: $0)
    }.joined(separator: "\n\n------------------------------------------------------------\n\n") + "\n"
  }

  /// `word` as one word for a POSIX shell: as it is when it needs no quoting, else in single quotes.
  static func shellWord(_ word: String) -> String {
    let plain =
      !word.isEmpty
      && word.unicodeScalars.allSatisfy {
        ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
          || "/._-+:@,".unicodeScalars.contains($0)
      }
    return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

/// What a backup run wrote.
public struct BackupResult: Equatable, Sendable {
  /// The bundle written (nil when the backup already held everything).
  public var bundle: String?
  /// Records in that bundle.
  public var records: Int
  /// Records the office holds.
  public var held: Int
  /// Bytes in the backup's bundles.
  public var bytes: Int
}

/// What checking a backup found.
public struct BackupCheck: Sendable {
  /// The office id and code.
  public var office: OfficeIdentity
  /// Bundles read.
  public var bundles = 0
  /// Records verified (each counted once).
  public var records = 0
  /// Origins held.
  public var origins = 0
  /// Every problem found: unreadable bundles, gaps in an origin's history.
  public var problems: [GAIDeskError] = []
  /// Whether the backup restores everything it says it holds.
  public var isIntact: Bool { problems.isEmpty }
}
