# The share of each PNG's pixels that carry ink: darker than light grey (luminance < 200), so that
# a white or near-white page counts as blank. Prints "<path>\t<share>" per file. Debian's
# python3-pil (run as /usr/bin/python3).
import sys

from PIL import Image

for path in sys.argv[1:]:
    image = Image.open(path).convert("L")
    histogram = image.histogram()
    dark = sum(histogram[:200])
    print(f"{path}\t{dark / (image.width * image.height):.6f}")
