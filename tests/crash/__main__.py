import sys

from tests.crash.harness import main

sys.exit(main())
