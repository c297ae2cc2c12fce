package dev.sourced.cache;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the parse stage's records to a {@link DataOutput} and reads them back, by the records' own
 * shape: each component in declaration order, typed by its declared (generic) type. Strings,
 * numbers, dates, paths, enums (by name), lists, sets, records and sealed interfaces of records (by
 * the index of the permitted subclass) are known; one type may be handled by the caller (the body
 * HTML, which lives in another file). Every value that can be null is preceded by a presence byte.
 *
 * <p>Why by reflection rather than one hand-written method per record: the model has some twenty
 * records that grow a component now and then; a hand-kept writer and reader per record would be
 * twenty places to forget. The layout follows the classes, so a changed record changes the layout,
 * and the cache file names the tool build it was written by (see {@link ToolIdentity}): a file from
 * another build is never read with this layout.
 */
final class RecordCodec {
  /** A type the caller writes and reads itself. */
  interface Custom<T> {
    void write(DataOutput out, T value) throws IOException;

    T read(DataInput in) throws IOException;
  }

  private final Class<?> customType;
  private final Custom<Object> custom;
  private static final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

  @SuppressWarnings("unchecked")
  <T> RecordCodec(Class<T> customType, Custom<T> custom) {
    this.customType = customType;
    this.custom = (Custom<Object>) custom;
  }

  /** A record's components and canonical constructor, found once per class. */
  private record Shape(Method[] accessors, Type[] types, Constructor<?> constructor) {}

  private static Shape shape(Class<?> c) {
    return shapes.computeIfAbsent(
        c,
        k -> {
          RecordComponent[] rc = k.getRecordComponents();
          Method[] accessors = new Method[rc.length];
          Type[] types = new Type[rc.length];
          Class<?>[] raw = new Class<?>[rc.length];
          for (int i = 0; i < rc.length; i++) {
            accessors[i] = rc[i].getAccessor();
            accessors[i].setAccessible(true);
            types[i] = rc[i].getGenericType();
            raw[i] = rc[i].getType();
          }
          try {
            Constructor<?> ctor = k.getDeclaredConstructor(raw);
            ctor.setAccessible(true);
            return new Shape(accessors, types, ctor);
          } catch (NoSuchMethodException e) {
            throw new IllegalStateException("record without canonical constructor: " + k, e);
          }
        });
  }

  void write(DataOutput out, Type type, Object value) throws IOException {
    Class<?> raw = raw(type);
    if (raw == boolean.class) {
      out.writeBoolean((Boolean) value);
      return;
    }
    if (raw == int.class) {
      out.writeInt((Integer) value);
      return;
    }
    if (raw == long.class) {
      out.writeLong((Long) value);
      return;
    }
    if (raw.isSealed() && raw.isInterface()) {
      if (value == null) {
        out.writeByte(0);
        return;
      }
      Class<?>[] permitted = raw.getPermittedSubclasses();
      for (int i = 0; i < permitted.length; i++) {
        if (permitted[i] == value.getClass()) {
          out.writeByte(i + 1);
          writeValue(out, permitted[i], value);
          return;
        }
      }
      throw new IllegalStateException("not a permitted subclass: " + value.getClass());
    }
    if (value == null) {
      out.writeByte(0);
      return;
    }
    out.writeByte(1);
    writeValue(out, type, value);
  }

  private void writeValue(DataOutput out, Type type, Object value) throws IOException {
    Class<?> raw = raw(type);
    if (raw == String.class) {
      writeString(out, (String) value);
    } else if (raw == Integer.class) {
      out.writeInt((Integer) value);
    } else if (raw == Boolean.class) {
      out.writeBoolean((Boolean) value);
    } else if (raw == LocalDate.class) {
      out.writeLong(((LocalDate) value).toEpochDay());
    } else if (raw == BigDecimal.class) {
      writeString(out, value.toString());
    } else if (raw == Path.class) {
      writeString(out, value.toString());
    } else if (raw.isEnum()) {
      writeString(out, ((Enum<?>) value).name());
    } else if (List.class == raw || Set.class == raw) {
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      Collection<?> c = (Collection<?>) value;
      out.writeInt(c.size());
      for (Object o : c) write(out, element, o);
    } else if (Map.class == raw) {
      Type[] kv = ((ParameterizedType) type).getActualTypeArguments();
      Map<?, ?> m = (Map<?, ?>) value;
      out.writeInt(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        write(out, kv[0], e.getKey());
        write(out, kv[1], e.getValue());
      }
    } else if (raw == customType) {
      custom.write(out, value);
    } else if (raw.isRecord()) {
      Shape s = shape(raw);
      for (int i = 0; i < s.accessors.length; i++) {
        Object v;
        try {
          v = s.accessors[i].invoke(value);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
        write(out, s.types[i], v);
      }
    } else {
      throw new IllegalStateException("no layout for " + type);
    }
  }

  Object read(DataInput in, Type type) throws IOException {
    Class<?> raw = raw(type);
    if (raw == boolean.class) return in.readBoolean();
    if (raw == int.class) return in.readInt();
    if (raw == long.class) return in.readLong();
    int tag = in.readUnsignedByte();
    if (tag == 0) return null;
    if (raw.isSealed() && raw.isInterface()) {
      Class<?>[] permitted = raw.getPermittedSubclasses();
      if (tag > permitted.length) throw new IOException("unknown kind " + tag + " of " + raw);
      return readValue(in, permitted[tag - 1]);
    }
    if (tag != 1) throw new IOException("bad presence byte " + tag);
    return readValue(in, type);
  }

  private Object readValue(DataInput in, Type type) throws IOException {
    Class<?> raw = raw(type);
    if (raw == String.class) return readString(in);
    if (raw == Integer.class) return in.readInt();
    if (raw == Boolean.class) return in.readBoolean();
    if (raw == LocalDate.class) return LocalDate.ofEpochDay(in.readLong());
    if (raw == BigDecimal.class) return new BigDecimal(readString(in));
    if (raw == Path.class) return Path.of(readString(in));
    if (raw.isEnum()) return enumValue(raw, readString(in));
    if (List.class == raw || Set.class == raw) {
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      int n = size(in);
      Collection<Object> c = raw == List.class ? new ArrayList<>(n) : new LinkedHashSet<>();
      for (int i = 0; i < n; i++) c.add(read(in, element));
      return raw == List.class
          ? Collections.unmodifiableList((List<Object>) c)
          : Collections.unmodifiableSet((Set<Object>) c);
    }
    if (Map.class == raw) {
      Type[] kv = ((ParameterizedType) type).getActualTypeArguments();
      int n = size(in);
      Map<Object, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) m.put(read(in, kv[0]), read(in, kv[1]));
      return Collections.unmodifiableMap(m);
    }
    if (raw == customType) return custom.read(in);
    if (raw.isRecord()) {
      Shape s = shape(raw);
      Object[] args = new Object[s.types.length];
      for (int i = 0; i < args.length; i++) args[i] = read(in, s.types[i]);
      try {
        return s.constructor.newInstance(args);
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        throw new IOException("cannot make " + raw.getSimpleName() + ": " + e, e);
      }
    }
    throw new IOException("no layout for " + type);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumValue(Class<?> raw, String name) throws IOException {
    try {
      return Enum.valueOf((Class) raw, name);
    } catch (IllegalArgumentException e) {
      throw new IOException("unknown " + raw.getSimpleName() + " " + name);
    }
  }

  private static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) return c;
    if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
    throw new IllegalStateException("no layout for " + t);
  }

  private static int size(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1 << 26) throw new IOException("bad length " + n);
    return n;
  }

  /**
   * A string as UTF-8, or as UTF-16 code units when it holds a lone surrogate (which UTF-8 cannot
   * carry), so that every string reads back exactly as it was.
   */
  static void writeString(DataOutput out, String s) throws IOException {
    if (wellFormed(s)) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      out.writeInt(b.length);
      out.write(b);
    } else {
      out.writeInt(-1 - s.length());
      out.writeChars(s);
    }
  }

  static String readString(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      int chars = -1 - n;
      if (chars > 1 << 26) throw new IOException("bad length " + n);
      char[] c = new char[chars];
      for (int i = 0; i < chars; i++) c[i] = in.readChar();
      return new String(c);
    }
    if (n > 1 << 28) throw new IOException("bad length " + n);
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
