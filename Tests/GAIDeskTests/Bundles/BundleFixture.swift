import Foundation
import Testing

@testable import GAIDesk

/// Several data folders of one office (same key, each PC writing as its own origin), on disk.
final class OfficeFolders {
  let directories: [TemporaryDirectory]
  var offices: [Office]
  let scratch = TemporaryDirectory()
  private var counter = 0

  /// `count` folders: the first creates the office, the others get its identity and key slots.
  init(_ count: Int) throws {
    directories = (0..<count).map { _ in TemporaryDirectory() }
    offices = [try TestOffice.make(in: directories[0])]
    for directory in directories.dropFirst() {
      try FileIO.makeDirectory(directory.path + "/keys")
      for name in try FileManager.default.contentsOfDirectory(atPath: directories[0].path + "/keys") {
        try FileIO.writeAtomically(
          try FileIO.read(directories[0].path + "/keys/" + name), to: directory.path + "/keys/" + name)
      }
      try FileIO.writeAtomically(
        try FileIO.read(directories[0].path + "/office.json"), to: directory.path + "/office.json")
      offices.append(try TestOffice.reopen(directory))
    }
  }

  /// A fresh bundle path in the scratch folder.
  func newPath() -> String {
    counter += 1
    return scratch.path + "/bundle-\(counter).gaibundle"
  }

  /// Exports everything folder `index` holds to a new bundle.
  func export(_ index: Int, since: [OriginID: UInt64] = [:], limits: [OriginID: UInt64] = [:]) throws
    -> String
  {
    let path = newPath()
    try offices[index].exportBundle(to: path, since: since, limits: limits)
    return path
  }

  /// Every file under folder `index`'s journal with its size, to show nothing was written.
  func journalFiles(_ index: Int) -> [String: Int] {
    let root = directories[index].path + "/journal"
    var files: [String: Int] = [:]
    for origin in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [] {
      for name in (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + origin)) ?? [] {
        files[origin + "/" + name] = FileIO.size(root + "/" + origin + "/" + name)
      }
    }
    return files
  }
}
