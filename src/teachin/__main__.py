from teachin.cli import main

raise SystemExit(main())
