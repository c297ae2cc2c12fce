package dev.sourced.render;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * A list whose elements are made when read: the model of a page that lists the whole site (every
 * fact, source or article) is then never in memory all at once, only the element being written.
 * Templates and the JSON writer read lists by index, and may read them more than once; each read
 * makes the element again, the same each time.
 */
final class LazyList<T> extends AbstractList<Object> implements RandomAccess {
  private final List<T> items;
  private final Function<T, Object> make;

  private LazyList(List<T> items, Function<T, Object> make) {
    this.items = items;
    this.make = make;
  }

  static <T> List<Object> of(List<T> items, Function<T, Object> make) {
    return new LazyList<>(items, make);
  }

  @Override
  public Object get(int index) {
    return make.apply(items.get(index));
  }

  @Override
  public int size() {
    return items.size();
  }
}
