using System.Buffers.Binary;
using System.IO.Compression;

namespace DigitalKpi.Cli.Tests.TestHelpers;

/// <summary>A minimal PNG decoder (8-bit greyscale, RGB or RGBA, not interlaced): enough to inspect Chromium screenshots.</summary>
internal sealed class Png
{
    private Png(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        Rgba = rgba;
    }

    internal int Width { get; }

    internal int Height { get; }

    internal byte[] Rgba { get; }

    internal static Png Read(string path)
    {
        byte[] data = File.ReadAllBytes(path);
        byte[] signature = { 137, 80, 78, 71, 13, 10, 26, 10 };
        if (!data.AsSpan(0, 8).SequenceEqual(signature))
        {
            throw new InvalidDataException("not a PNG");
        }
        int pos = 8, width = 0, height = 0, colorType = 0;
        using var idat = new MemoryStream();
        while (pos < data.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(pos));
            string type = System.Text.Encoding.ASCII.GetString(data, pos + 4, 4);
            ReadOnlySpan<byte> chunk = data.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(chunk);
                height = BinaryPrimitives.ReadInt32BigEndian(chunk[4..]);
                int bitDepth = chunk[8];
                colorType = chunk[9];
                if (bitDepth != 8 || chunk[12] != 0 || colorType is not (0 or 2 or 6))
                {
                    throw new NotSupportedException($"PNG bit depth {bitDepth}, colour type {colorType}, interlace {chunk[12]}");
                }
            }
            else if (type == "IDAT")
            {
                idat.Write(chunk);
            }
            else if (type == "IEND")
            {
                break;
            }
            pos += 12 + length;
        }
        int channels = colorType switch { 0 => 1, 2 => 3, _ => 4 };
        int stride = width * channels;
        byte[] raw = new byte[(stride + 1) * height];
        idat.Position = 0;
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.ReadExactly(raw);
        }
        byte[] prev = new byte[stride];
        byte[] cur = new byte[stride];
        byte[] rgba = new byte[width * height * 4];
        for (int y = 0; y < height; y++)
        {
            int filter = raw[y * (stride + 1)];
            Array.Copy(raw, (y * (stride + 1)) + 1, cur, 0, stride);
            for (int i = 0; i < stride; i++)
            {
                int a = i >= channels ? cur[i - channels] : 0;
                int b = prev[i];
                int c = i >= channels ? prev[i - channels] : 0;
                int add = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException("bad PNG filter " + filter),
                };
                cur[i] = (byte)(cur[i] + add);
            }
            for (int x = 0; x < width; x++)
            {
                int o = ((y * width) + x) * 4;
                if (channels == 1)
                {
                    rgba[o] = rgba[o + 1] = rgba[o + 2] = cur[x];
                    rgba[o + 3] = 255;
                }
                else
                {
                    rgba[o] = cur[x * channels];
                    rgba[o + 1] = cur[(x * channels) + 1];
                    rgba[o + 2] = cur[(x * channels) + 2];
                    rgba[o + 3] = channels == 4 ? cur[(x * channels) + 3] : (byte)255;
                }
            }
            (prev, cur) = (cur, prev);
        }
        return new Png(width, height, rgba);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>How many pixels have exactly this colour (opaque).</summary>
    internal int Count(int r, int g, int b)
    {
        int n = 0;
        for (int o = 0; o < Rgba.Length; o += 4)
        {
            if (Rgba[o] == r && Rgba[o + 1] == g && Rgba[o + 2] == b)
            {
                n++;
            }
        }
        return n;
    }

    /// <summary>How many distinct colours the image has.</summary>
    internal int DistinctColours()
    {
        var set = new HashSet<int>();
        for (int o = 0; o < Rgba.Length; o += 4)
        {
            set.Add((Rgba[o] << 16) | (Rgba[o + 1] << 8) | Rgba[o + 2]);
        }
        return set.Count;
    }
}
