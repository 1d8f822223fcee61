#include <sqlite3.h>
// The benchmark's only C module also gives it glibc's heap figures (`mallinfo2`: what an opened office holds).
#include <malloc.h>
