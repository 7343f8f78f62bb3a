import Foundation

/// Rendering by splicing: each template is rendered with swift-mustache once
/// per context shape, against markers, and every email of that shape is then
/// filled from the resulting ``TemplateSkeleton``. Gives the same text as
/// ``EmailTemplateSet/render(_:_:)``, many times faster; templates that use
/// more than plain names, and contexts the walk does not know, are rendered
/// with swift-mustache every time.
extension EmailTemplateSet {
  /// Renders template `name` against `values`, the same as
  /// `render(name, RenderRoot(values: values, unknownNames: nil))`.
  /// - Parameter context: `SentinelContext(values, markers: false)` (or
  ///   with markers), made once per email for its three templates.
  func renderSpliced(_ name: EmailTemplateName, _ values: [String: Any], context: SentinelContext?) -> String {
    guard canSplice(name), let context else { return render(name, RenderRoot(values: values, unknownNames: nil)) }
    let key = SkeletonKey(name: name, shape: context.shape)
    if let cached = skeletons.lookup(key) {
      guard let skeleton = cached else { return render(name, RenderRoot(values: values, unknownNames: nil)) }
      return skeleton.fill(context.slots)
    }
    let skeleton = makeSkeleton(name, values)
    skeletons.store(key, skeleton)
    guard let skeleton else { return render(name, RenderRoot(values: values, unknownNames: nil)) }
    return skeleton.fill(context.slots)
  }

  /// Template `name` filled with `fill`'s strings, when the skeleton of
  /// `fill`'s shape is built already; `nil` otherwise (the caller then
  /// renders with ``renderSpliced(_:_:context:)``, which builds it).
  func spliced(_ name: EmailTemplateName, _ fill: ContextFill) -> [UInt8]? {
    guard canSplice(name), let cached = skeletons.lookup(SkeletonKey(name: name, shape: fill.shape)), let skeleton = cached
    else { return nil }
    return skeleton.fillBytes(fill.slots)
  }

  /// Renders `values`' markers twice, numbered from 0 and from a higher
  /// offset, and keeps the skeleton only when both agree.
  private func makeSkeleton(_ name: EmailTemplateName, _ values: [String: Any]) -> TemplateSkeleton? {
    guard let first = SentinelContext(values) else { return nil }
    let offset = first.slots.count + 1000
    guard let second = SentinelContext(values, offset: offset), second.shape == first.shape else { return nil }
    return TemplateSkeleton(
      first: render(name, RenderRoot(values: first.values, unknownNames: nil)),
      second: render(name, RenderRoot(values: second.values, unknownNames: nil)),
      offset: offset, slotCount: first.slots.count)
  }
}

/// One template and one context shape.
struct SkeletonKey: Hashable, Sendable {
  var name: EmailTemplateName
  var shape: String
}

/// Skeletons built so far, shared by the threads composing a batch. A
/// skeleton of `nil` records a shape that cannot be spliced. Bounded, so
/// that a run with endlessly varied shapes (different counts in every lead
/// summary) only costs the ordinary render for the shapes past the bound.
final class SkeletonCache: @unchecked Sendable {
  static let capacity = 4096
  private let lock = NSLock()
  private var entries: [SkeletonKey: TemplateSkeleton?] = [:]

  /// `.some(nil)` when the shape is known not to splice, `nil` when unseen.
  func lookup(_ key: SkeletonKey) -> TemplateSkeleton?? {
    lock.withLock { entries[key] }
  }

  func store(_ key: SkeletonKey, _ skeleton: TemplateSkeleton?) {
    lock.withLock {
      if entries.count < Self.capacity { entries[key] = .some(skeleton) }
    }
  }
}

/// ``EmailComposer/NextSteps`` by raw text, shared by the threads composing
/// a batch: a run has one next-steps text per role, so splitting it into
/// paragraphs once per text instead of once per email saves the work.
/// Bounded like ``SkeletonCache``.
final class NextStepsCache: @unchecked Sendable {
  static let capacity = 64
  private let lock = NSLock()
  private var entries: [String: EmailComposer.NextSteps] = [:]

  func value(for raw: String) -> EmailComposer.NextSteps {
    if let cached = lock.withLock({ entries[raw] }) { return cached }
    let steps = EmailComposer.NextSteps(raw)
    lock.withLock {
      if entries.count < Self.capacity { entries[raw] = steps }
    }
    return steps
  }
}
