import Crypto
import Foundation

extension Office {
  /// The visitor search index of the current state, the one the desk, the command line and the duplicate
  /// check use: loaded from its sealed cache (`SearchIndexFile`) when one opens, brought up to date (visitors
  /// registered since added, visitors whose details changed indexed again), or built. An index whose basis
  /// (``SearchBasis``) names the state this office was loaded from checks only the visitors the records
  /// folded since touched; any other is checked visitor by visitor. The cache is written again unless only a
  /// few visitors (`searchRewriteThreshold`) were added and its basis is still this office's.
  /// `keeping: false` hands the index over without the office holding a copy.
  public func visitorSearch(keeping: Bool = true) -> VisitorSearch {
    let held = searchIndex
    let loaded = held == nil ? loadSearchIndex() : nil
    var index = held ?? loaded ?? VisitorSearch()
    let before = index.count
    let indexed = index.update(with: state, basis: searchBasis)
    let added = index.count - before
    // Written when built (no cache, or one that did not fit), when visitors were indexed again (changed
    // details), when many were added, or when the cache's basis is not the office's (so that the next opening
    // from the same snapshot checks only what its records touch); a few visitors added are cheaper to add
    // again at the next opening.
    let otherBasis = loaded != nil && searchBasis != nil && loaded?.basis?.tag != searchBasis?.tag
    if (before == 0 && added > 0) || indexed > added || added > Office.searchRewriteThreshold || otherBasis {
      saveSearchIndex(index)
    }
    searchIndex = keeping ? index : nil
    return index
  }

  /// The basis of the state as it is now, with nothing folded since: SHA-256 of the records folded (each
  /// origin's last sequence and chain hash, as the snapshot cache records them), the state's counts, and
  /// the versions of the snapshot and of the program (a program that folds otherwise makes another basis).
  func searchBasisNow() -> SearchBasis {
    var w = ByteWriter(capacity: 256)
    w.write(raw: Array("gaidesk search basis v1".utf8))
    w.write(StateSnapshot.version)
    w.writeString(GAIDeskVersion.string)
    w.writeString(identity.id ?? "")
    w.writeInt(state.visitorOrder.count)
    w.writeInt(state.visitors.count)
    w.writeInt(state.recordCount)
    w.writeInt(state.eventCount)
    for cursor in journal.cursors where cursor.lastSequence > 0 {
      w.write(raw: cursor.origin.bytes)
      w.write(cursor.lastSequence)
      w.write(raw: cursor.lastHash)
    }
    return SearchBasis(tag: Array(SHA256.hash(data: w.bytes)), visitors: state.visitorOrder.count)
  }

  /// How many visitors indexed at once make the search cache worth writing again.
  static let searchRewriteThreshold = 1000

  /// The search index cache: beside the snapshot cache (`cache/search.bin` in the office folder, or next to
  /// this user's copy of the snapshot when the folder refuses writes).
  var searchFile: String {
    snapshotFile == paths.snapshot
      ? paths.cache + "/search.bin" : (snapshotFile as NSString).deletingPathExtension + ".search.bin"
  }

  /// The cached index, opened with the newest epoch key that opens it; for a folder that refuses writes,
  /// this user's copy first, then the one the folder holds.
  private func loadSearchIndex() -> VisitorSearch? {
    guard !isConvertedInMemory else { return nil }
    let keys = keyring.epochs.sorted(by: >).compactMap { keyring.key($0) }
    let inFolder = paths.cache + "/search.bin"
    let files = searchFile == inFolder ? [inFolder] : [searchFile, inFolder]
    for file in files {
      if let index = SearchIndexFile.load(file: file, keys: keys) { return index }
    }
    return nil
  }

  /// Writes the index's cache under the current epoch's key; failure only costs time at the next opening.
  private func saveSearchIndex(_ index: VisitorSearch) {
    guard !isConvertedInMemory, let key = keyring.key(keyring.current) else { return }
    try? SearchIndexFile.save(index, file: searchFile, masterKey: key)
  }
}
