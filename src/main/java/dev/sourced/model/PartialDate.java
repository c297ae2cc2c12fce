package dev.sourced.model;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A date known to the day, the month or only the year: a source may say "July 2020" and no more,
 * and the site must not make up a day. {@code start} is the first day of the period (for sorting
 * and comparing); {@link #end()} the last (a figure as of July 2020 is stale from the end of July).
 * {@link #toString()} is the ISO form the author wrote and {@code <time datetime>} takes: {@code
 * 2020-07-02}, {@code 2020-07} or {@code 2020}.
 */
public record PartialDate(LocalDate start, Precision precision) implements Comparable<PartialDate> {

  /** How much of the date is known. */
  public enum Precision {
    DAY,
    MONTH,
    YEAR
  }

  public static PartialDate ofDay(LocalDate day) {
    return day == null ? null : new PartialDate(day, Precision.DAY);
  }

  public static PartialDate ofMonth(int year, int month) {
    return new PartialDate(LocalDate.of(year, month, 1), Precision.MONTH);
  }

  public static PartialDate ofYear(int year) {
    return new PartialDate(LocalDate.of(year, 1, 1), Precision.YEAR);
  }

  /** The last day of the period. */
  public LocalDate end() {
    return switch (precision) {
      case DAY -> start;
      case MONTH -> YearMonth.from(start).atEndOfMonth();
      case YEAR -> start.withDayOfYear(start.lengthOfYear());
    };
  }

  public int year() {
    return start.getYear();
  }

  @Override
  public int compareTo(PartialDate o) {
    int c = start.compareTo(o.start);
    return c != 0 ? c : precision.compareTo(o.precision);
  }

  @Override
  public String toString() {
    return switch (precision) {
      case DAY -> start.toString();
      case MONTH -> YearMonth.from(start).toString();
      case YEAR -> Integer.toString(start.getYear());
    };
  }
}
