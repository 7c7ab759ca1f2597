// zlib, for the ZIP archives large email attachments travel in (deflate and CRC-32).
#include <zlib.h>
