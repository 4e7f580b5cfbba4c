using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Marketplace.Core.Data;

/// <summary>Stores instants as UTC ticks: sortable and comparable in SQL on SQLite and PostgreSQL alike.</summary>
public sealed class DateTimeOffsetTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
