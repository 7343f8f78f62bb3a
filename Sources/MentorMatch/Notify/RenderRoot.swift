import Mustache

/// The top of a template's context: the values every template of a kind may
/// use. Optionally records names looked up here and not found, which are
/// names no context level holds (the root is searched last), so validation
/// can report a misspelt `{{recipent_name}}` instead of rendering nothing.
struct RenderRoot: MustacheParent {
  var values: [String: Any]
  var unknownNames: UnknownNames?

  func child(named name: String) -> Any? {
    if let value = values[name] { return value }
    unknownNames?.insert(name)
    return nil
  }
}

/// The names a validation render could not find. A class so that the
/// value-type root can record into it during rendering; used by one thread.
final class UnknownNames {
  private(set) var names: [String] = []

  func insert(_ name: String) {
    if !names.contains(name) { names.append(name) }
  }
}
