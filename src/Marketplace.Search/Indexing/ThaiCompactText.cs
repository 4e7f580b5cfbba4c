using System.Buffers.Binary;

namespace Marketplace.Search.Indexing;

/// <summary>
/// A byte encoding of text that is one byte per character for ASCII and for the Thai block, as TIS-620 is, where
/// UTF-8 takes three bytes for every Thai letter. The listings' doc values are mostly Thai descriptions: at 100,000
/// listings UTF-8 made them 158 MB of a 266 MB index, written at every flush, copied at every merge and mapped by
/// every instance.
/// <list type="bullet">
/// <item>0x00–0x7F: that ASCII character.</item>
/// <item>0x80–0xFE: U+0E00 + (byte − 0x80), the Thai block (U+0E00–U+0E7E).</item>
/// <item>0xFF, then two bytes: any other UTF-16 code unit, little-endian (a surrogate pair is two of these).</item>
/// </list>
/// </summary>
internal static class ThaiCompactText
{
    private const char ThaiBlockStart = '\u0E00';
    private const int ThaiBlockBytes = 0x7F;
    private const byte Escape = 0xFF;

    public static int ByteCount(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            count += c < 0x80 || IsThaiBlock(c) ? 1 : 3;
        }

        return count;
    }

    /// <summary>Writes the text into <paramref name="destination"/>, which holds <see cref="ByteCount"/> bytes or more; returns the bytes written.</summary>
    public static int Encode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var written = 0;
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                destination[written++] = (byte)c;
            }
            else if (IsThaiBlock(c))
            {
                destination[written++] = (byte)(0x80 + (c - ThaiBlockStart));
            }
            else
            {
                destination[written] = Escape;
                BinaryPrimitives.WriteUInt16LittleEndian(destination[(written + 1)..], c);
                written += 3;
            }
        }

        return written;
    }

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var length = 0;
        for (var i = 0; i < bytes.Length; i += bytes[i] == Escape ? 3 : 1)
        {
            length++;
        }

        return string.Create(length, bytes, static (chars, source) =>
        {
            var at = 0;
            for (var i = 0; i < chars.Length; i++)
            {
                var b = source[at];
                if (b < 0x80)
                {
                    chars[i] = (char)b;
                    at++;
                }
                else if (b != Escape)
                {
                    chars[i] = (char)(ThaiBlockStart + (b - 0x80));
                    at++;
                }
                else
                {
                    chars[i] = (char)BinaryPrimitives.ReadUInt16LittleEndian(source[(at + 1)..]);
                    at += 3;
                }
            }
        });
    }

    private static bool IsThaiBlock(char c) => (uint)(c - ThaiBlockStart) < ThaiBlockBytes;
}
