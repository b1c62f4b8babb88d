"""Entry point of the package step (runs in the container)."""


def main():
    pass


if __name__ == "__main__":
    main()
