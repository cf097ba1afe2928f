using Microsoft.EntityFrameworkCore;

namespace DocManager.Data;

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
