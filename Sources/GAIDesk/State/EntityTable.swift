/// Entities of one kind (visitors, referrals, follow-ups) by id, in the order they were added, read like a
/// dictionary: one contiguous array, and the ids in an `IDTable` (integers hashed, no `String` key). Only
/// the fold adds and changes them.
public struct EntityTable<Entity: Sendable>: Sendable {
  /// The entities, in the order they were added.
  public private(set) var values: [Entity] = []
  private var ids = IDTable()

  /// No entities.
  init() {}

  /// `values` under the ids of `ids`, numbered alike (as `StateCodec` wrote them); nil when the counts differ.
  init?(values: [Entity], ids: IDTable) {
    guard values.count == ids.count else { return nil }
    self.values = values
    self.ids = ids
  }

  /// The ids, numbered as `values`.
  var idTable: IDTable { ids }

  /// How many entities there are.
  public var count: Int { values.count }
  /// Whether there are none.
  public var isEmpty: Bool { values.isEmpty }

  /// The entity with id `id`.
  public subscript(id: String) -> Entity? {
    ids.index(of: id).map { values[Int($0)] }
  }

  /// Adds `entity` under `id` unless the table holds that id; whether it was added.
  mutating func insertNew(_ entity: Entity, id: String) -> Bool {
    guard ids.insert(id).inserted else { return false }
    values.append(entity)
    return true
  }

  /// Changes the entity with id `id`, when there is one.
  mutating func modify(_ id: String, _ change: (inout Entity) -> Void) {
    guard let index = ids.index(of: id) else { return }
    change(&values[Int(index)])
  }

  /// Room for `count` entities.
  mutating func reserveCapacity(_ count: Int) { values.reserveCapacity(count) }
}

extension EntityTable: Equatable where Entity: Equatable {
  /// The same entities by id, whatever the order they were added in.
  public static func == (lhs: EntityTable, rhs: EntityTable) -> Bool {
    lhs.count == rhs.count
      && (0..<Int32(lhs.count)).allSatisfy { rhs[lhs.ids.id(at: $0)] == lhs.values[Int($0)] }
  }
}
