fn main() {
    podpath::start();
}
